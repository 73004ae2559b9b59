"""The fictional demo data: the town Denkbeeldstad, its afspraken and stories, the national scale, the samenwerking answers."""
