"""Discord presentation: embeds and views built from core results, nothing else."""
