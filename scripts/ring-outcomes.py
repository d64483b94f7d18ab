#!/usr/bin/env python3
"""Ring outcomes of the last minutes, from the metric lines (CloudWatch Embedded Metric Format) of a log.

  scripts/ring-outcomes.py [MINUTES] [LOG]     (default: 15 minutes of src/local/target/metrics.log)
  ... | scripts/ring-outcomes.py 5 -            (any log on stdin, e.g. one downloaded from CloudWatch)

Counts agentcalls by outcome and end reason, gives time to answer (p50, p90) and failed legs by provider
and error class: what the deployed dashboard shows, read from the same lines.
"""
import collections
import json
import sys
import time


def metric_lines(stream):
    for raw in stream:
        start = raw.find('{"_aws"')
        if start < 0:
            continue
        try:
            yield json.loads(raw[start:])
        except ValueError:
            continue


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main():
    minutes = float(sys.argv[1]) if len(sys.argv) > 1 else 15
    path = sys.argv[2] if len(sys.argv) > 2 else "src/local/target/metrics.log"
    since = (time.time() - minutes * 60) * 1000
    outcomes = collections.Counter()
    failed_legs = collections.Counter()
    answer_ms = []
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with stream:
        for line in metric_lines(stream):
            if line["_aws"].get("Timestamp", 0) < since:
                continue
            if "AgentCalls" in line:
                outcomes[(line.get("Outcome"), line.get("EndReason"))] += line["AgentCalls"]
            elif "TimeToAnswer" in line:
                answer_ms.append(line["TimeToAnswer"])
            elif "LegsFailed" in line:
                failed_legs[(line.get("Provider"), line.get("ErrorClass"))] += line["LegsFailed"]
    print(f"agentcalls of the last {minutes:g} minute(s): {sum(outcomes.values())}")
    for (outcome, reason), count in sorted(outcomes.items(), key=lambda item: -item[1]):
        print(f"  {count:6d}  {outcome:10s} {reason}")
    if answer_ms:
        print(f"time to answer: p50 {percentile(answer_ms, 0.5)} ms, p90 {percentile(answer_ms, 0.9)} ms")
    for (provider, error), count in sorted(failed_legs.items(), key=lambda item: -item[1]):
        print(f"failed legs: {count} on {provider} ({error})")


if __name__ == "__main__":
    main()
