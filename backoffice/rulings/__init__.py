"""Rulings as documents: PDF rendering, content hashes, verification and bulk export."""
