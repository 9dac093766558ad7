#!/usr/bin/env python3
"""Markdown tables from the JSON lines of app/bench/run.sh (our load generator) and of the
yardstick's load generator (app/bench/yardstick.sh, ../shared/bench/run.sh).

    python3 app/bench/table.py /tmp/skyspy-bench.jsonl [/tmp/yardstick-results.jsonl]
"""
import json
import sys


def rows(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def cpu_us_per_frame(cpu_pct, frames_per_s):
    return "%.0f" % (cpu_pct / 100.0 / frames_per_s * 1e6) if frames_per_s else "-"


def ours(path):
    print("| label | scenario | clients | connected / failed / dropped | deltas/s | % of produced (min client) | "
          "% of nominal | frames/s | MB/s | latency p50 / p90 / p99 / p99.9 / max ms | server CPU % | CPU µs/frame | "
          "server RSS MB | heap floor MB (first → last 10 s) | loadgen CPU % (busiest thread) | machine busy % | load 1m | trust |")
    print("|" + "---|" * 18)
    for r in rows(path):
        if r.get("scenario") not in ("fanout", "critical"):
            continue
        lat = r.get("latency_ms", {})
        s = r.get("server", {})
        lg = r.get("loadgen", {})
        print("| %s | %s | %d | %d / %d / %d | %s | %.2f (%.2f) | %.1f | %s | %.1f | %s / %s / %s / %s / %s | %s | %s | %s | %s → %s | %s (%s) | %s | %s | %s |" % (
            r["label"], r["scenario"], r["clients"], r["connected"], r["connect_failures"], r["dropped_during_run"],
            "{:,}".format(r["deltas_per_s"]), r["completeness_pct"], r["min_client_completeness_pct"],
            r["completeness_vs_nominal_pct"], r["frames_per_s"], r["bytes_per_s"] / 1e6,
            lat.get("p50"), lat.get("p90"), lat.get("p99"), lat.get("p99_9"), lat.get("max"),
            s.get("cpu_pct"), cpu_us_per_frame(s.get("cpu_pct", 0), r["frames_per_s"]), s.get("rss_mb_max"),
            s.get("heap_floor_mb_first_10s", s.get("heap_after_gc_mb_start")),
            s.get("heap_floor_mb_last_10s", s.get("heap_after_gc_mb_end")), lg.get("cpu_pct"),
            lg.get("busiest_reactor_thread_pct"), r.get("machine_busy_pct"), r["machine"]["loadavg_1m_before"],
            "yes" if r.get("trustworthy") else "no"))


def yardstick(path):
    print("| label | clients | connected / failed / late | deltas/s | % of produced (min client) | % of nominal | "
          "batches/s | latency p50 / p90 / p99 / max ms | server CPU % | CPU µs/frame | server RSS MB | loadgen CPU % | machine busy % |")
    print("|" + "---|" * 13)
    for r in rows(path):
        lat = r["latency_ms"]
        print("| %s | %d | %d / %d / %d | %s | %.2f (%.2f) | %.1f | %.2f | %s / %s / %s / %s | %.1f | %s | %.0f | %.1f | %.1f |" % (
            r["label"], r["clients"], r["connected"], r["connect_failures"], r["not_subscribed"],
            "{:,}".format(r["deltas_per_s"]), float(r["completeness_pct"]), float(r["min_client_completeness_pct"]),
            float(r["completeness_vs_nominal_pct"]), float(r["batches_per_s"]), lat["p50"], lat["p90"], lat["p99"],
            lat["max"], r["server_cpu_pct"], cpu_us_per_frame(r["server_cpu_pct"], r["frames_per_s"]),
            r["server_rss_mb"], r["loadgen_cpu_pct"], r["machine_busy_pct"]))


if __name__ == "__main__":
    ours(sys.argv[1])
    if len(sys.argv) > 2:
        print()
        yardstick(sys.argv[2])
