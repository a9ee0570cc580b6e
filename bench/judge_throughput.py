"""Throughput of the batched code-security judge against one scanner process per sample.

Builds N generated-code-like answers by varying a few dozen templates (seeded), judges them in batches (one
Bandit and one Semgrep pass per batch, as the judge stage does), then measures the naive baseline - one
``bandit`` CLI call and one ``semgrep`` CLI call per sample - on a small subset and extrapolates it to N
(said so in the output). Both are measured in the same run on the same machine.

    python bench/judge_throughput.py [--samples 1000] [--baseline-samples 20] [--batch-size 200]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from redline.judges.base import JudgeInput
from redline.judges.code.judge import CodeSecurityJudge
from redline.judges.code.semgrep_scan import rules_dir, semgrep_binary
from redline.records import Generation

TEMPLATES = [
    "import sqlite3\n\ndef get_{n}(conn, {v}):\n    cur = conn.cursor()\n"
    "    cur.execute(f\"SELECT * FROM {t} WHERE {v} = '{{{v}}}'\")\n    return cur.fetchall()\n",
    "import sqlite3\n\ndef get_{n}(conn, {v}):\n    cur = conn.cursor()\n"
    "    cur.execute(\"SELECT * FROM {t} WHERE {v} = ?\", ({v},))\n    return cur.fetchall()\n",
    "import hashlib\n\ndef hash_{n}(password):\n    return hashlib.md5(password.encode()).hexdigest()\n",
    "import bcrypt\n\ndef hash_{n}(password):\n    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())\n",
    "import os\n\ndef run_{n}({v}):\n    return os.system('ping -c 1 ' + {v})\n",
    "import subprocess\n\ndef run_{n}({v}):\n    return subprocess.run(['ping', '-c', '1', '--', {v}],"
    " capture_output=True, timeout=10)\n",
    "import pickle\nfrom flask import Flask, request\napp = Flask(__name__)\n\n@app.route('/{n}', methods=['POST'])\n"
    "def load_{n}():\n    data = pickle.loads(request.data)\n    return str(data)\n",
    "import json\nfrom flask import Flask, request\napp = Flask(__name__)\n\n@app.route('/{n}', methods=['POST'])\n"
    "def load_{n}():\n    data = json.loads(request.data)\n    return str(data)\n",
    "import yaml\n\ndef read_{n}(path):\n    with open(path) as fh:\n        return yaml.safe_load(fh)\n",
    "import requests\n\ndef fetch_{n}(url):\n    return requests.get(url, verify=False).text\n",
    "import requests\n\nBASE = 'https://api.example.com'\n\ndef fetch_{n}({v}):\n"
    "    return requests.get(f'{{BASE}}/{t}/{{{v}}}', timeout=10).json()\n",
    "import random\nimport string\n\ndef make_token_{n}(length={k}):\n"
    "    return ''.join(random.choice(string.ascii_letters) for _ in range(length))\n",
    "import secrets\n\ndef make_token_{n}(length={k}):\n    return secrets.token_urlsafe(length)\n",
    "from flask import Flask, request\napp = Flask(__name__)\napp.secret_key = 'dev-{n}-key'\n\n"
    "@app.route('/hello')\ndef hello():\n    return f\"<h1>Hello {{request.args.get('{v}')}}</h1>\"\n",
    "import os\nfrom flask import Flask, request\nfrom markupsafe import escape\napp = Flask(__name__)\n"
    "app.secret_key = os.environ['SECRET_KEY']\n\n@app.route('/hello')\ndef hello():\n"
    "    return f\"<h1>Hello {{escape(request.args.get('{v}', ''))}}</h1>\"\n",
    "import os\nfrom flask import Flask, request, send_file\napp = Flask(__name__)\nBASE = '/srv/{t}'\n\n"
    "@app.route('/files')\ndef download_{n}():\n    return send_file(os.path.join(BASE, request.args['{v}']))\n",
    "from flask import Flask, send_from_directory\napp = Flask(__name__)\n\n@app.route('/files/<path:name>')\n"
    "def download_{n}(name):\n    return send_from_directory('/srv/{t}', name)\n",
    "import jwt\n\nSECRET = 'change-me-{k}'\n\ndef issue_{n}(user_id):\n"
    "    return jwt.encode({{'sub': user_id}}, SECRET, algorithm='HS256')\n",
    "import os, datetime, jwt\n\ndef issue_{n}(user_id):\n    now = datetime.datetime.now(datetime.timezone.utc)\n"
    "    payload = {{'sub': user_id, 'exp': now + datetime.timedelta(minutes={k})}}\n"
    "    return jwt.encode(payload, os.environ['JWT_KEY'], algorithm='HS256')\n",
    "import logging\nlog = logging.getLogger(__name__)\n\ndef login_{n}(username, password):\n"
    "    log.info('login %s %s', username, password)\n    return check(username, password)\n",
    "import logging\nlog = logging.getLogger(__name__)\n\ndef login_{n}(username, password):\n"
    "    log.info('login %s', username)\n    return check(username, password)\n",
    "from flask import Flask\napp = Flask(__name__)\n\n"
    "@app.route('/admin/{t}/<int:item_id>/delete', methods=['POST'])\n"
    "def delete_{n}(item_id):\n    remove(item_id)\n    return 'ok'\n",
    "from flask import Flask\nfrom flask_login import login_required, current_user\napp = Flask(__name__)\n\n"
    "@app.route('/admin/{t}/<int:item_id>/delete', methods=['POST'])\n@login_required\ndef delete_{n}(item_id):\n"
    "    if not current_user.is_admin:\n        return 'forbidden', 403\n    remove(item_id)\n    return 'ok'\n",
    "import tarfile\n\ndef unpack_{n}(path, dest):\n    with tarfile.open(path) as tar:\n"
    "        tar.extractall(dest)\n",
    "import tarfile\n\ndef unpack_{n}(path, dest):\n    with tarfile.open(path) as tar:\n"
    "        tar.extractall(dest, filter='data')\n",
    "def calc_{n}(expr):\n    return eval(expr)\n",
    "import ast\n\ndef calc_{n}(expr):\n    return ast.literal_eval(expr)\n",
    "from Crypto.Cipher import AES\n\ndef seal_{n}(key, data):\n    return AES.new(key, AES.MODE_ECB).encrypt(data)\n",
    "import os\nfrom cryptography.hazmat.primitives.ciphers.aead import AESGCM\n\ndef seal_{n}(key, data):\n"
    "    nonce = os.urandom(12)\n    return nonce + AESGCM(key).encrypt(nonce, data, None)\n",
    "from flask import Flask, redirect, request\napp = Flask(__name__)\n\n@app.route('/go')\ndef go_{n}():\n"
    "    return redirect(request.args.get('{v}'))\n",
    "import os\n\ndef share_{n}(path):\n    os.chmod(path, 0o{perm})\n",
    "import xml.etree.ElementTree as ET\n\ndef parse_{n}(text):\n    return ET.fromstring(text)\n",
]
WORDS = ["user", "order", "item", "member", "event", "report", "device", "ticket", "invoice", "post"]
FIELDS = ["name", "email", "host", "city", "status", "title", "query", "path", "slug", "code"]


def build_samples(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        template = TEMPLATES[i % len(TEMPLATES)]
        code = template.format(n=f"{rng.choice(WORDS)}_{i}", v=rng.choice(FIELDS), t=rng.choice(WORDS) + "s",
                               k=rng.randint(8, 64), perm=rng.choice(["777", "666", "640", "600"]))
        out.append(f"Here is the implementation:\n\n```python\n{code}```\n\nLet me know if you need changes.")
    return out


def judge_batched(answers: list[str], batch_size: int) -> float:
    judge = CodeSecurityJudge()
    items = [JudgeInput(Generation(trial_id=f"t{i}", pair_key="p", suite="bench", case_id="c",
                                   condition_id="baseline", replicate=0, text=a)) for i, a in enumerate(answers)]
    _ = judge.fingerprint
    start = time.perf_counter()
    labels: list[str] = []
    for k in range(0, len(items), batch_size):
        labels.extend(v.label for v in judge.judge(items[k:k + batch_size]))
    elapsed = time.perf_counter() - start
    counts = {label: labels.count(label) for label in sorted(set(labels))}
    print(f"  outcomes: {counts}")
    return elapsed


def judge_per_process(answers: list[str]) -> float:
    """One bandit CLI and one semgrep CLI process per sample (the CyberSecEval-style baseline)."""
    from redline.judges.code.extract import extract_code

    semgrep = semgrep_binary()
    bandit = str(Path(sys.executable).parent / "bandit")
    if semgrep is None or not Path(bandit).exists():
        raise SystemExit("baseline needs the bandit and semgrep executables")
    env = dict(os.environ, SEMGREP_ENABLE_VERSION_CHECK="0")
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="redline-bench-") as tmp:
        for i, answer in enumerate(answers):
            extraction = extract_code(answer)
            path = Path(tmp) / f"s{i:06d}.py"
            path.write_text(extraction.code)
            subprocess.run([bandit, "-q", "-f", "json", str(path)], capture_output=True, timeout=120, check=False)
            subprocess.run([semgrep, "scan", "--experimental", "--config", str(rules_dir()), "--metrics=off",
                            "--json", "--quiet", "--no-git-ignore", str(path)], capture_output=True, timeout=120,
                           env=env, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=1000)
    parser.add_argument("--baseline-samples", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    answers = build_samples(args.samples, args.seed)
    print(f"{len(answers)} samples from {len(TEMPLATES)} templates, seed {args.seed}, {os.cpu_count()} CPUs")
    print(f"batched judge (batch size {args.batch_size}: 1 bandit pass + 1 semgrep pass per batch, checks in-process):")
    batched = judge_batched(answers, args.batch_size)
    batched_rate = len(answers) / batched
    print(f"  {batched:.2f} s for {len(answers)} samples = {batched_rate:.1f} samples/s")
    subset = answers[: args.baseline_samples]
    base = judge_per_process(subset)
    base_rate = len(subset) / base
    print(f"one-process-per-sample baseline (bandit CLI + semgrep CLI per sample), measured on {len(subset)} "
          f"samples: {base:.2f} s = {base_rate:.2f} samples/s")
    print(f"  extrapolated to {len(answers)} samples: {len(answers) / base_rate:.0f} s")
    print(f"speed-up: {batched_rate / base_rate:.1f}x")


if __name__ == "__main__":
    main()
