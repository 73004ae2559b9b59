"""The vertellen side: stories (verhalen), their photos and videos (media) with who consented to showing them where (toestemming), the markdown they are written in (safe_markdown)."""
