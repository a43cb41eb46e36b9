"""Problems and the rule registry: what every stage reports, in Chinese, with a stable code."""
