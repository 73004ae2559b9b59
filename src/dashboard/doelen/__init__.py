"""The targets the local agreements add up to: the library, and the local figures set against it."""
