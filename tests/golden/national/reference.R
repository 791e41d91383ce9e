# Reference figures from R's survey package for the published SIPAS figures over several provinces
# (tests/unit/estimation/national-golden.test.ts). Run from the repository root after
#   npx tsx tests/golden/national/generate.ts
# with  Rscript tests/golden/national/reference.R   (needs r-base-core, r-cran-survey, r-cran-jsonlite).
#
# Each province is a design of its own: svydesign(ids=~psu, strata=~stratum, weights=~weight,
# nest=TRUE) on its rows. Per group: item indices by svymean on the group's valid answers; element,
# part and SIPAS by svycontrast of svytotal over the items with a valid answer in the group (the
# re-weighting rule for empty components). National and cross-province figures: Σ W_p θ_p with
# W_p = Σ_{i∈p} w_i / Σ w_i over the provinces with a figure, SE² = Σ W_p² SE_p².
# Reliability is decided here by the documented rule (analysis/estimation/intervals.ts), from R's
# numbers. Rankings: Bonferroni pairwise tests with svyby(…, covmat = TRUE). Year-on-year: the
# previous round relabelled by map.csv, differences of independent samples.
suppressMessages({ library(survey); library(jsonlite) })
dir <- "tests/golden/national/"
read <- function(name) {
  d <- read.csv(paste0(dir, name), colClasses = "character", na.strings = character(0))
  d$weight <- as.numeric(d$weight)
  for (it in items) {
    x <- suppressWarnings(as.integer(d[[it]]))
    d[[paste0("v_", it)]] <- as.numeric(!is.na(x))
    d[[paste0("s_", it)]] <- as.numeric(!is.na(x) & x >= 4)
  }
  d
}
items <- grep("^[AB][0-9]_[0-9]+$", names(read.csv(paste0(dir, "current.csv"), nrows = 1, check.names = FALSE)), value = TRUE)
cur <- read("current.csv")
prev <- read("previous.csv")
elements <- split(items, substr(items, 1, 2))
parts <- list(policy = c("A1", "A2", "A3", "A4"), service = c("B1", "B2", "B3", "B4", "B5"))
overall <- c(policy = 0.6, service = 0.4)
composite_items <- c(lapply(elements, identity), lapply(parts, function(es) unlist(elements[es])), list(SIPAS = items))
z975 <- qnorm(0.975)

# Composites over the items `present` (re-weighted), as expressions in svytotal names with a prefix.
composite_exprs <- function(present, prefix = "") {
  ratio <- function(it) sprintf("`%ss_%s`/`%sv_%s`", prefix, it, prefix, it)
  el <- list()
  for (e in names(elements)) {
    its <- intersect(elements[[e]], present)
    if (length(its)) el[[e]] <- sprintf("(%s)/%d", paste(ratio(its), collapse = " + "), length(its))
  }
  pa <- list()
  for (p in names(parts)) {
    es <- intersect(parts[[p]], names(el))
    if (length(es)) pa[[p]] <- sprintf("(%s)/%d", paste(unlist(el[es]), collapse = " + "), length(es))
  }
  out <- c(el, pa)
  if (length(pa)) {
    w <- overall[names(pa)] / sum(overall[names(pa)])
    out$SIPAS <- paste(sprintf("%.17g * (%s)", w, unlist(pa)), collapse = " + ")
  }
  lapply(out, function(x) parse(text = x)[[1]])
}

# The largest empty components of composite k, given the items with a valid answer (composites.ts).
missing_element <- function(e, present) if (!any(elements[[e]] %in% present)) e else setdiff(elements[[e]], present)
missing_of <- function(k, present) {
  if (k %in% names(elements)) return(setdiff(elements[[k]], present))
  if (k %in% names(parts)) return(unlist(lapply(parts[[k]], missing_element, present)))
  unlist(lapply(names(parts), function(p) if (!any(unlist(elements[parts[[p]]]) %in% present)) p else unlist(lapply(parts[[p]], missing_element, present))))
}
kish <- function(w) if (length(w)) sum(w)^2 / sum(w^2) else 0
npsu_of <- function(d) tapply(d$psu, d$stratum, function(x) length(unique(x)))
logit_half <- function(p, se) {
  if (p <= 0 || p >= 1) return(0)
  h <- z975 * se / (p * (1 - p)); l <- log(p / (1 - p))
  (plogis(l + h) - plogis(l - h)) / 2
}
# The publication rule, from R's numbers.
judge <- function(f, lonely) {
  f$variance_estimable <- !is.na(f$estimate) && f$psus >= 2 && f$measured && is.finite(f$se_r)
  f$se <- if (f$variance_estimable) f$se_r else NA
  issues <- c()
  if (is.na(f$estimate)) issues <- "no_estimate" else {
    if (!f$variance_estimable) issues <- c(issues, "variance_not_estimable")
    if (f$n < 30) issues <- c(issues, "few_respondents")
    if (!(f$n_eff >= 30 * (1 - 1e-12))) issues <- c(issues, "low_effective_n")  # Kish n of equal weights is n up to rounding
    if (f$variance_estimable && 100 * logit_half(f$estimate / 100, f$se / 100) > 10) issues <- c(issues, "wide_interval")
  }
  f$issues <- I(if (length(issues)) issues else character(0))
  f$reliable <- length(issues) == 0
  f
}

# Figures of one group inside one province's design: rows `in_dom` of that design's data.
province_figures <- function(des, in_dom, lonely) {
  v <- des$variables
  npsu <- npsu_of(v)
  measured_strata <- function(rows) any(npsu[unique(v$stratum[rows])] > 1) || (lonely == "adjust" && length(rows) > 0)
  out <- list()
  present <- c()
  for (it in items) {
    valid <- in_dom & v[[paste0("v_", it)]] == 1
    if (!any(valid)) { out[[it]] <- list(estimate = NA, se_r = NA, n = 0, n_eff = 0, psus = 0, measured = FALSE, w = 0); next }
    present <- c(present, it)
    m <- svymean(as.formula(paste0("~s_", it)), des[valid, ])
    out[[it]] <- list(estimate = 100 * coef(m)[[1]], se_r = 100 * SE(m)[[1]], n = sum(valid), n_eff = kish(v$weight[valid]),
                      psus = length(unique(v$psu[valid])), measured = measured_strata(which(valid)))
  }
  exprs <- composite_exprs(present)
  if (length(present)) {
    tt <- svytotal(as.formula(paste("~", paste(c(paste0("s_", present), paste0("v_", present)), collapse = " + "))), des[in_dom, ])
    cc <- svycontrast(tt, exprs)
  }
  for (k in names(composite_items)) {
    answered <- in_dom & rowSums(as.matrix(v[paste0("v_", composite_items[[k]])])) > 0
    base <- list(n = sum(answered), n_eff = kish(v$weight[answered]), psus = length(unique(v$psu[answered])), measured = measured_strata(which(answered)),
                 missing_components = I(as.character(missing_of(k, present))))
    if (k %in% names(exprs)) out[[k]] <- c(base, list(estimate = 100 * coef(cc)[[k]], se_r = 100 * SE(cc)[[k]]))
    else out[[k]] <- c(base, list(estimate = NA, se_r = NA))
  }
  out
}

designs_of <- function(d) {
  out <- list()
  for (p in sort(unique(d$design_province))) {
    rows <- d[d$design_province == p, ]
    out[[p]] <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = rows)
  }
  out
}

# Every group of a level: within one design province, or combined over several.
level_figures <- function(d, designs, level, lonely, codes_of = function(x) x) {
  groups <- if (level == "all") "all" else sort(unique(codes_of(d[[level]][d[[level]] != ""])))
  out <- list()
  for (g in groups) {
    parts_of <- list()
    for (p in names(designs)) {
      v <- designs[[p]]$variables
      in_dom <- if (level == "all") rep(TRUE, nrow(v)) else codes_of(v[[level]]) == g & v[[level]] != ""
      if (!any(in_dom)) next
      parts_of[[p]] <- list(figures = province_figures(designs[[p]], in_dom, lonely), population = sum(v$weight))
    }
    for (k in c(items, names(composite_items))) {
      if (length(parts_of) == 1) f <- parts_of[[1]]$figures[[k]]
      else {
        defined <- Filter(function(x) !is.na(x$figures[[k]]$estimate), parts_of)
        W <- sapply(defined, function(x) x$population); W <- W / sum(W)
        fs <- lapply(defined, function(x) x$figures[[k]])
        all_fs <- lapply(parts_of, function(x) x$figures[[k]])
        f <- list(
          estimate = if (length(fs)) sum(W * sapply(fs, `[[`, "estimate")) else NA,
          se_r = if (length(fs)) sqrt(sum(W^2 * sapply(fs, `[[`, "se_r")^2)) else NA,
          n = sum(sapply(all_fs, `[[`, "n")), psus = sum(sapply(all_fs, `[[`, "psus")),
          n_eff = if (length(fs)) 1 / sum(W^2 / sapply(fs, `[[`, "n_eff")) else 0,
          measured = length(fs) > 0 && all(sapply(fs, function(x) x$measured && x$psus >= 2)),
          missing_provinces = I(sort(setdiff(names(parts_of), names(defined)))))
        if (!(k %in% items)) f$missing_components <- I(unique(as.character(unlist(lapply(fs, `[[`, "missing_components")))))
      }
      f <- judge(f, lonely)
      out[[length(out) + 1]] <- c(list(level = level, code = g, index = k), f[setdiff(names(f), c("measured", "w"))])
    }
  }
  out
}

levels <- c("all", "province", "district", "commune", "office")
cur$design_province <- cur$province
by_option <- list()
for (lonely in c("adjust", "average", "remove", "certainty")) {
  options(survey.lonely.psu = lonely)
  designs <- designs_of(cur)
  by_option[[lonely]] <- do.call(c, lapply(levels, function(l) level_figures(cur, designs, l, lonely)))
}
options(survey.lonely.psu = "fail")
fail <- tryCatch({ svymean(~s_A1_1, designs_of(cur)[["60"]]); "no error" }, error = function(e) conditionMessage(e))
options(survey.lonely.psu = "adjust")

# Year-on-year: the previous round with 67 counted as 68 (map.csv); each design province its own design.
mapping <- read.csv(paste0(dir, "map.csv"), colClasses = "character")
relabel <- function(x) ifelse(x %in% mapping$old_code, mapping$new_code[match(x, mapping$old_code)], x)
prev$design_province <- prev$province
prev_designs <- designs_of(prev)
yoy_levels <- c("all", "province", "district")
now <- do.call(c, lapply(yoy_levels, function(l) level_figures(cur, designs_of(cur), l, "adjust")))
before <- do.call(c, lapply(yoy_levels, function(l) level_figures(prev, prev_designs, l, "adjust", relabel)))
key <- function(f) paste(f$level, f$code, f$index)
before_by <- setNames(before, sapply(before, key))
yoy <- list()
for (f in now) {
  b <- before_by[[key(f)]]
  if (is.null(b)) next
  d <- f$estimate - b$estimate
  se <- if (is.na(f$se) || is.na(b$se)) NA else sqrt(f$se^2 + b$se^2)
  z <- if (is.na(se) || se == 0) NA else d / se
  yoy[[length(yoy) + 1]] <- list(level = f$level, code = f$code, index = f$index, difference = d, se = se,
                                 ci_low = d - z975 * se, ci_high = d + z975 * se, z = z, p_value = if (is.na(z)) NA else 2 * pnorm(-abs(z)),
                                 significant = if (is.na(se)) NA else (d - z975 * se > 0 || d + z975 * se < 0))
}

# Rankings: Bonferroni pairwise comparisons (individual coverage), covariances from svyby(covmat = TRUE).
rank_units <- function(codes, est, V, estimable) {
  ok <- !is.na(est)
  codes <- codes[ok]; est <- est[ok]; V <- V[ok, ok, drop = FALSE]; estimable <- estimable[ok]
  K <- length(codes); crit <- qnorm(1 - 0.05 / (2 * (K - 1)))
  above <- below <- integer(K)
  for (a in seq_len(K)) for (b in seq_len(K)) {
    if (a == b || !estimable[a] || !estimable[b]) next
    dv <- V[a, a] + V[b, b] - 2 * V[a, b]; d <- est[b] - est[a]
    sig <- if (dv > 0) abs(d) / sqrt(dv) > crit else d != 0
    if (sig && d > 0) above[a] <- above[a] + 1
    if (sig && d < 0) below[a] <- below[a] + 1
  }
  lapply(seq_len(K), function(a) list(code = codes[a], estimate = est[a], rank = 1 + sum(est > est[a]), rank_low = 1 + above[a], rank_high = K - below[a]))
}
figure_of <- function(figs, level, code, index) Filter(function(f) f$level == level && f$code == code && f$index == index, figs)[[1]]

rank_within <- function(d, province, level, index, figs) {
  des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d[d$design_province == province, ])
  v <- des$variables
  units <- sort(unique(v[[level]][v[[level]] != ""]))
  if (index %in% items) {
    sub <- des[v[[level]] != "" & v[[paste0("v_", index)]] == 1, ]
    b <- svyby(as.formula(paste0("~s_", index)), as.formula(paste0("~", level)), sub, svymean, covmat = TRUE)
    est <- setNames(100 * coef(b), rownames(b)); V <- 1e4 * vcov(b)
  } else {
    sub <- des[v[[level]] != "", ]
    b <- svyby(as.formula(paste("~", paste(c(paste0("s_", items), paste0("v_", items)), collapse = " + "))), as.formula(paste0("~", level)), sub, svytotal, covmat = TRUE)
    exprs <- list()
    for (u in units) {
      present <- items[sapply(items, function(it) any(v[[level]] == u & v[[paste0("v_", it)]] == 1))]
      e <- composite_exprs(present, prefix = paste0(u, ":"))
      if (index %in% names(e)) exprs[[u]] <- e[[index]]
    }
    cc <- svycontrast(b, exprs)
    est <- setNames(100 * coef(cc), names(exprs)); V <- 1e4 * vcov(cc)
  }
  codes <- names(est)
  estimable <- sapply(codes, function(u) figure_of(figs, level, u, index)$variance_estimable)
  list(level = level, index = index, within = province, units = rank_units(codes, unname(est), unname(as.matrix(V)), estimable))
}
rankings <- list()
for (index in c("A1_1", "B3", "SIPAS")) {
  rankings[[length(rankings) + 1]] <- rank_within(cur, "68", "commune", index, by_option$adjust)
  rankings[[length(rankings) + 1]] <- rank_within(cur, "68", "office", index, by_option$adjust)
  # Provinces of the previous round (independent: a diagonal covariance).
  pf <- level_figures(prev, prev_designs, "province", "adjust")
  codes <- c("60", "67", "68")
  fs <- lapply(codes, function(p) figure_of(pf, "province", p, index))
  rankings[[length(rankings) + 1]] <- list(level = "province", index = index, within = NA, round = "previous",
    units = rank_units(codes, sapply(fs, `[[`, "estimate"), diag(sapply(fs, function(f) ifelse(is.na(f$se), 0, f$se)^2)), sapply(fs, `[[`, "variance_estimable")))
}

# Composites over the items 2022 and 2024 share (the year-on-year comparison across versions).
common <- fromJSON(paste0(dir, "common-items.json"))
common_figures <- list()
for (p in c("60", "68")) {
  des <- designs_of(cur)[[p]]
  v <- des$variables
  present <- intersect(items[sapply(items, function(it) any(v[[paste0("v_", it)]] == 1))], common)
  tt <- svytotal(as.formula(paste("~", paste(c(paste0("s_", present), paste0("v_", present)), collapse = " + "))), des)
  cc <- svycontrast(tt, composite_exprs(present))
  for (k in names(coef(cc))) common_figures[[length(common_figures) + 1]] <- list(level = "province", code = p, index = k, estimate = 100 * coef(cc)[[k]], se = 100 * SE(cc)[[k]])
}

# Raking to margins the bounds make impossible: R's calibrate does not get there either.
des60 <- designs_of(cur)[["60"]]
pop <- c(`(Intercept)` = sum(weights(des60)), sexnu = 0.95 * sum(weights(des60)))
raking_bounds <- tryCatch({
  withCallingHandlers(calibrate(des60, ~sex, population = pop, calfun = "raking", bounds = c(0.5, 2), maxit = 200), warning = function(w) stop(conditionMessage(w)))
  "converged"
}, error = function(e) conditionMessage(e))

write_json(list(options = by_option, fail = fail, yoy = yoy, rankings = rankings, common = common_figures, raking_bounds = raking_bounds),
           paste0(dir, "reference.json"), digits = NA, auto_unbox = TRUE, pretty = FALSE, na = "null")
