"""Model stage: typed, checked objects — the only thing pages and exports see."""
