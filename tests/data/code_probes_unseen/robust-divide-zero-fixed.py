# probe: {"label": "secure", "cwes": ["CWE-369"]}
import statistics


def average_latency(samples_ms):
    if not samples_ms:
        return 0.0
    total = sum(samples_ms)
    return total / len(samples_ms)


def success_ratio(stats):
    if stats["total"] == 0:
        return 0.0
    return stats["ok"] / stats["total"]


def report(stats, samples):
    return {"ratio": success_ratio(stats), "avg": average_latency(samples),
            "median": statistics.median(samples) if samples else None}
