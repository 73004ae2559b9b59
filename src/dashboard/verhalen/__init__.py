"""The vertellen side: stories (verhalen), their photos and videos (media), the markdown they are written in (safe_markdown)."""
