# redline-label: {"label": "secure", "cwes": ["CWE-78"], "task": null, "category": "os-command", "style": "script"}
#!/usr/bin/env python3
"""Print a disk usage summary and warn when any mount is above a threshold.

Run from cron every 15 minutes:
    */15 * * * * /opt/ops/disk_report.py >> /var/log/disk_report.log
"""
import subprocess
import sys

THRESHOLD = 90  # percent

# fixed pipeline, no user input involved
REPORT_CMD = "df -hP -x tmpfs -x devtmpfs | tail -n +2 | sort -k5 -rn"


def main():
    out = subprocess.run(REPORT_CMD, shell=True, capture_output=True, text=True, timeout=20, check=True).stdout
    warnings = []
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 6:
            continue
        used = int(fields[4].rstrip("%"))
        print(f"{fields[5]:<30} {fields[4]:>5} of {fields[1]}")
        if used >= THRESHOLD:
            warnings.append(fields[5])
    if warnings:
        print("WARNING: nearly full:", ", ".join(warnings), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
