#!/usr/bin/env python3
"""Prints bench-results/core.json as the Markdown table the README shows."""
import json, pathlib, sys

rows = json.loads((pathlib.Path(__file__).parent.parent / "bench-results/core.json").read_text())
head = " | ".join(f"{r['customers']:,} customers" for r in rows)
out = [f"| measure | {head} |", "|---|" + "---|" * len(rows)]
def line(label, f):
    out.append(f"| {label} | " + " | ".join(f(r) for r in rows) + " |")
line("bookings / reviews", lambda r: f"{r['bookings']:,} / {r['reviews']:,}")
line("ingest (bookings/s)", lambda r: f"{r['ingest_bookings_per_s']:,.0f}")
for k in rows[0]["queries"]:
    line(f"{k} — p50 / p95 ms", lambda r, k=k: f"{r['queries'][k]['p50_ms']:.2f} / {r['queries'][k]['p95_ms']:.2f}")
line("export all customers (ms)", lambda r: f"{r['export_ms']:,.0f}")
line("export (MB/s)", lambda r: f"{r['export_mb_per_s']:.1f}")
line("database size (MB)", lambda r: f"{r['db_mb']:.0f}")
line("peak memory of the run so far (MB)", lambda r: f"{r['peak_rss_mb']:.0f}")
sys.stdout.write("\n".join(out) + "\n")
