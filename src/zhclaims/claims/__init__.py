"""Claims: every quantity as a claim — who (subject), what (metric), when (period), compared how
(comparison, direction) and how sure (modality). ``assemble.assemble`` builds them from the
record the earlier stages filled; ``lexicon`` holds the metric lexicon the checks also read."""
