# R's figures for a microdata file the server exports (tests/integration/result-figures-r.test.ts):
#   Rscript tests/golden/server/check.R FILE.csv LEVEL LONELY [ITEMS]   (LEVEL: a column, or "national";
#   ITEMS: the item indices to give, separated by commas; default all)
# Each province is a design of its own: svydesign(ids=~psu, strata=~stratum, weights=~weight,
# nest=TRUE) on its rows, with options(survey.lonely.psu = LONELY). Per group of LEVEL: every item
# index (svyratio of satisfied over valid answers on the group's subset) and SIPAS (svycontrast of
# svytotal over the items with a valid answer in the group: the re-weighting rule). "national":
# Σ W_p θ_p over the provinces, W_p = Σ_{i∈p} w_i / Σ w_i, SE² = Σ W_p² SE_p². Prints JSON.
suppressMessages({ library(survey); library(jsonlite) })
args <- commandArgs(TRUE)
options(survey.lonely.psu = args[3])
d <- read.csv(args[1], colClasses = "character", na.strings = character(0), check.names = FALSE)
d$weight <- as.numeric(d$weight)
items <- grep("^[AB][0-9]_[0-9]+$", names(d), value = TRUE)
for (it in items) {
  x <- suppressWarnings(as.integer(d[[it]]))
  d[[paste0("v_", it)]] <- as.numeric(!is.na(x))
  d[[paste0("s_", it)]] <- as.numeric(!is.na(x) & x >= 4)
}
reported <- if (length(args) >= 4) strsplit(args[4], ",")[[1]] else items
elements <- split(items, substr(items, 1, 2))
parts <- list(policy = c("A1", "A2", "A3", "A4"), service = c("B1", "B2", "B3", "B4", "B5"))
overall <- c(policy = 0.6, service = 0.4)
sipas_expr <- function(present) {
  ratio <- function(it) sprintf("`s_%s`/`v_%s`", it, it)
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
  w <- overall[names(pa)] / sum(overall[names(pa)])
  parse(text = paste(sprintf("%.17g * (%s)", w, unlist(pa)), collapse = " + "))[[1]]
}
totals <- as.formula(paste("~", paste(c(paste0("s_", items), paste0("v_", items)), collapse = " + ")))
# Every index of one group of one province's design.
figures <- function(des) {
  valid <- colSums(des$variables[, paste0("v_", items), drop = FALSE] * weights(des)) > 0
  out <- list()
  for (it in intersect(items[valid], reported)) {
    r <- svyratio(as.formula(paste0("~s_", it)), as.formula(paste0("~v_", it)), des)
    out[[it]] <- c(100 * coef(r), 100 * SE(r))
  }
  t <- svytotal(totals, des)
  s <- svycontrast(t, list(SIPAS = sipas_expr(items[valid])))
  out$SIPAS <- c(100 * coef(s), 100 * SE(s))
  out
}
provinces <- sort(unique(d$province))
designs <- lapply(provinces, function(p) svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d[d$province == p, ]))
names(designs) <- provinces
rows <- list()
add <- function(code, f) for (k in names(f)) rows[[length(rows) + 1]] <<- list(code = code, index = k, estimate = unname(f[[k]][1]), se = unname(f[[k]][2]))
if (args[2] == "national") {
  parts_p <- lapply(designs, figures)
  w <- sapply(provinces, function(p) sum(d$weight[d$province == p]))
  for (k in names(parts_p[[1]])) {
    have <- provinces[sapply(provinces, function(p) !is.null(parts_p[[p]][[k]]))]
    W <- w[have] / sum(w[have])
    est <- sum(W * sapply(have, function(p) parts_p[[p]][[k]][1]))
    se <- sqrt(sum(W^2 * sapply(have, function(p) parts_p[[p]][[k]][2])^2))
    rows[[length(rows) + 1]] <- list(code = "national", index = k, estimate = est, se = se)
  }
} else {
  for (p in provinces) {
    codes <- sort(unique(d[[args[2]]][d$province == p]))
    for (g in codes[codes != ""]) add(g, figures(subset(designs[[p]], designs[[p]]$variables[[args[2]]] == g)))
  }
}
cat(toJSON(rows, auto_unbox = TRUE, digits = NA))
