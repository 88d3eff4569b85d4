"""finnews retrieval: feeds and articles into a Chroma index, hybrid passage search."""
