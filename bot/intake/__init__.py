"""Lead intake over HTTP, for website and ad-platform forms."""
