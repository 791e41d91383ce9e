# The same figures as `sipas analyze FILE --questionnaire 2024 --by district`, or fewer, computed
# with R's survey package, for bench/start.ts to time beside ours. Written to be quick in R: the file
# read by data.table::fread where installed (read.csv otherwise), one svyby pass over the domain
# totals, then every ratio and composite as svycontrast of those totals (Taylor linearisation, as ours).
# Per district: each item's index (share answering 4-5 among valid answers), each element, policy,
# service and SIPAS, with standard errors. (Ours adds means, answer distributions, intervals,
# design effects and reliability.)
# Usage: Rscript bench/analyze-reference.R microdata.csv
suppressMessages(library(survey))
options(survey.lonely.psu = "adjust")
file <- commandArgs(trailingOnly = TRUE)[1]
d <- if (requireNamespace("data.table", quietly = TRUE)) {
  as.data.frame(data.table::fread(file, colClasses = "character", na.strings = NULL, showProgress = FALSE))
} else {
  read.csv(file, colClasses = "character", na.strings = character(0))
}
d$weight <- as.numeric(d$weight)
items <- grep("^[AB][0-9]_[0-9]+$", names(d), value = TRUE)
for (it in items) {
  x <- suppressWarnings(as.integer(d[[it]]))
  d[[paste0("v_", it)]] <- as.numeric(!is.na(x))
  d[[paste0("s_", it)]] <- as.numeric(!is.na(x) & x >= 4)
}
elements <- split(items, substr(items, 1, 2))
policy <- c("A1", "A2", "A3", "A4"); service <- setdiff(names(elements), policy)
ratio <- function(it) sprintf("s_%s/v_%s", it, it)
element_expr <- function(e) sprintf("(%s)/%d", paste(ratio(elements[[e]]), collapse = " + "), length(elements[[e]]))
part_expr <- function(es) sprintf("(%s)/%d", paste(sapply(es, element_expr), collapse = " + "), length(es))
exprs <- c(setNames(ratio(items), items), sapply(names(elements), element_expr),
           policy = part_expr(policy), service = part_expr(service),
           SIPAS = sprintf("0.6 * %s + 0.4 * %s", part_expr(policy), part_expr(service)))
des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d)
totals <- svyby(as.formula(paste("~", paste(c(paste0("s_", items), paste0("v_", items)), collapse = " + "))),
                ~district, des, svytotal, covmat = TRUE)
figures <- list()
for (district in rownames(totals)) {
  per <- lapply(exprs, function(e) parse(text = gsub("([sv]_[AB][0-9]_[0-9]+)", sprintf("`%s:\\1`", district), e))[[1]])
  cc <- svycontrast(totals, per)
  figures[[district]] <- data.frame(index = names(exprs), estimate = 100 * coef(cc), se = 100 * SE(cc))
}
cat(sprintf("%d districts, %d figures\n", length(figures), sum(sapply(figures, nrow))))
