"""The one text toolkit: quantities (numbers with their units) and time expressions."""
