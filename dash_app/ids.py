"""Component ids of the app shell (pages keep their own, prefixed with the page name)."""

URL = "url"
NOTICE = "shell-notice"
SHELL = "shell-root"
FILTER_COLLAPSE = "filters-collapse"
FILTER_TOGGLE = "filters-toggle"
PRESENT_TOGGLE = "presentation-toggle"
PERIOD_PICK = "filter-period"
FROM = "filter-from"
TO = "filter-to"
LOCALITY = "filter-locality"
ENTITY = "filter-entity"
UTA = "filter-uta"
RESET = "filter-reset"
VALIDATED = "filter-validated"  # «solo validados» switch
NAV_LINK = "nav-link"  # pattern-matching: {"type": NAV_LINK, "index": path}
FRESHNESS = "freshness-banner"
BEHIND = "behind-notice"
