# Reference estimates from R's survey package for the golden tests (tests/unit/estimation/golden.test.ts).
# Run from the repository root:  Rscript tests/golden/reference.R
# Needs r-base-core and r-cran-survey (Debian); CI only reads the JSON this writes.
suppressMessages({ library(survey); library(jsonlite) })
options(survey.lonely.psu = "adjust")

d <- read.csv("tests/golden/microdata.csv", colClasses = "character", na.strings = character(0))
d$weight <- as.numeric(d$weight)
items <- grep("^[AB][0-9]_[0-9]+$", names(d), value = TRUE)
for (it in items) {
  x <- suppressWarnings(as.integer(d[[it]]))
  d[[paste0("v_", it)]] <- as.numeric(!is.na(x))
  d[[paste0("s_", it)]] <- as.numeric(!is.na(x) & x >= 4)
  d[[paste0("x_", it)]] <- ifelse(is.na(x), 0, x)
}
d$v_harassment <- as.numeric(d$harassment != "NA" & d$harassment != "")
d$s_harassment_mot_so <- as.numeric(d$harassment == "mot_so")
# A profile question's share (who answered), estimated like an opinion's.
d$v_age_group <- as.numeric(d$age_group != "NA" & d$age_group != "")
d$s_age_group_35_49 <- as.numeric(d$age_group == "35_49")
elements <- split(items, substr(items, 1, 2))
policy <- c("A1", "A2", "A3", "A4"); service <- c("B1", "B2", "B3", "B4", "B5")
ratio <- function(it) sprintf("s_%s/v_%s", it, it)
element_expr <- function(e) sprintf("(%s)/%d", paste(ratio(elements[[e]]), collapse = " + "), length(elements[[e]]))
part_expr <- function(es) sprintf("(%s)/%d", paste(sapply(es, element_expr), collapse = " + "), length(es))
contrasts <- c(
  setNames(lapply(names(elements), function(e) parse(text = element_expr(e))[[1]]), names(elements)),
  list(policy = parse(text = part_expr(policy))[[1]], service = parse(text = part_expr(service))[[1]],
       SIPAS = parse(text = sprintf("0.6 * %s + 0.4 * %s", part_expr(policy), part_expr(service)))[[1]]))
totals_formula <- as.formula(paste("~", paste(c(paste0("s_", items), paste0("v_", items)), collapse = " + ")))

estimates_for <- function(des, domain_label, in_domain) {
  dom <- des[in_domain, ]
  out <- list()
  for (it in items) {
    valid <- dom$variables[[paste0("v_", it)]] == 1
    m <- svymean(as.formula(paste0("~s_", it)), subset(dom, valid), deff = "replace")
    sc <- svymean(as.formula(paste0("~x_", it)), subset(dom, valid), deff = "replace")
    out[[length(out) + 1]] <- list(group = domain_label, index = it, estimate = 100 * coef(m)[[1]], se = 100 * SE(m)[[1]], deff = deff(m)[[1]],
                                   mean = coef(sc)[[1]], mean_se = SE(sc)[[1]], mean_deff = deff(sc)[[1]])
  }
  tt <- svytotal(totals_formula, dom)
  cc <- svycontrast(tt, contrasts)
  for (k in names(contrasts)) out[[length(out) + 1]] <- list(group = domain_label, index = k, estimate = 100 * coef(cc)[[k]], se = 100 * SE(cc)[[k]])
  h <- svymean(~s_harassment_mot_so, subset(dom, v_harassment == 1))
  out[[length(out) + 1]] <- list(group = domain_label, index = "harassment=mot_so", estimate = 100 * coef(h)[[1]], se = 100 * SE(h)[[1]])
  a <- svymean(~s_age_group_35_49, subset(dom, v_age_group == 1))
  out[[length(out) + 1]] <- list(group = domain_label, index = "age_group=35_49", estimate = 100 * coef(a)[[1]], se = 100 * SE(a)[[1]])
  out
}

# Districts nest PSUs; sex cuts across them (a domain present in every PSU).
all_domains <- function(des) {
  res <- estimates_for(des, "all", rep(TRUE, nrow(des$variables)))
  for (district in sort(unique(d$district))) res <- c(res, estimates_for(des, district, des$variables$district == district))
  for (sex in c("nam", "nu")) res <- c(res, estimates_for(des, paste0("sex:", sex), as.character(des$variables$sex) == sex))
  res
}

column <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d)

frame <- read.csv("tests/golden/frame.csv", colClasses = c("character", "numeric"))
d_frame <- d
d_frame$weight <- frame$population[match(d$stratum, frame$stratum)] / as.vector(table(d$stratum)[d$stratum])
framed <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d_frame)

margins <- read.csv("tests/golden/margins.csv", colClasses = c("character", "character", "numeric"))
pop <- c(`(Intercept)` = sum(margins$total[margins$variable == "sex"]))
for (v in unique(margins$variable)) {
  m <- margins[margins$variable == v, ]
  levels_v <- sort(unique(d[[v]]))
  for (lv in levels_v[-1]) pop[paste0(v, lv)] <- m$total[m$category == lv]
}
d$sex <- factor(d$sex, levels = sort(unique(d$sex)))
d$age_group <- factor(d$age_group, levels = sort(unique(d$age_group)))
column_f <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d)
raked <- calibrate(column_f, ~sex + age_group, population = pop, calfun = "raking", epsilon = 1e-13, maxit = 200)

write_json(list(column = all_domains(column), frame = all_domains(framed), raked = all_domains(raked),
                raked_weights = unname(weights(raked))),
           "tests/golden/reference.json", digits = NA, auto_unbox = TRUE, pretty = FALSE)
