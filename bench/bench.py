#!/usr/bin/env python3
"""Runs the codebuild-spec benchmarks P1-P10 (P8 where JENKINS_URL is set) and prints one table (also bench/results/latest.json).

Every target is a ratio or a difference against a baseline measured in the same run, on the same image:
the machine is shared, so absolute times alone mean little. Whole-process runs are interleaved
(ours, baseline, ours, baseline...) after a warm-up, and medians are taken. See bench/README.md.
"""
import argparse
import datetime
import hashlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "cli", "target", "codebuild-spec.jar")
JMH_JAR = os.path.join(ROOT, "bench", "target", "benchmarks.jar")
RESULTS = os.path.join(ROOT, "bench", "results")
WORK = os.environ.get("BENCH_WORK", "/tmp/codebuild-spec-bench")
MB = 1_000_000


def images():
    env = {}
    with open(os.path.join(ROOT, "scripts", "test-images.env")) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                k, v = line.split("=", 1)
                env[k] = v
    return env


IMAGE = os.environ.get("BENCH_IMAGE") or images()["DEBIAN_IMAGE"]


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), check=True, capture_output=True, text=True, **kw).stdout


def median(xs):
    return statistics.median(xs)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def parse_time(s):
    # 2026-11-23T21:25:05.722775327Z -> seconds since the epoch (float; nanoseconds trimmed to micro)
    s = s.rstrip("Z")
    if "." in s:
        head, frac = s.split(".")
        s = head + "." + frac[:6]
    return datetime.datetime.fromisoformat(s).replace(tzinfo=datetime.timezone.utc).timestamp()


def phase_seconds(record, phase):
    for p in record.get("phases", []):
        if p["phaseType"] == phase:
            return parse_time(p["endTime"]) - parse_time(p["startTime"])
    raise RuntimeError("phase %s missing from the record" % phase)


def buildspec(phases, artifacts=None):
    lines = ["version: 0.2", "phases:"]
    for name, commands in phases.items():
        lines.append("  %s:" % name)
        lines.append("    commands:")
        for c in commands:
            lines.append("      - " + json.dumps(c))
    if artifacts:
        lines += artifacts
    return "\n".join(lines) + "\n"


def make_source(name, spec):
    d = os.path.join(WORK, name)
    os.makedirs(d, exist_ok=True)
    write(os.path.join(d, "buildspec.yml"), spec)
    return d


INSTALLED = os.path.join(WORK, "install", "bin", "codebuild-spec")


def ours(src, extra=(), env=None, java=("java",), out=subprocess.DEVNULL, record_name="record.json", command=None):
    """One CLI build (the jar, or `command` such as the installed launcher); returns (wall seconds, record)."""
    record = os.path.join(WORK, record_name)
    if os.path.exists(record):
        os.remove(record)
    cmd = (list(command) if command else list(java) + ["-jar", JAR]) + ["run", "--source", src, "--image", IMAGE, "--record", record] + list(extra)
    full_env = dict(os.environ)
    full_env.update(env or {})
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, env=full_env)
    t = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError("build failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), p.stderr.decode()[-2000:]))
    with open(record) as f:
        return t, json.load(f)


def timed(cmd, **kw):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t0


def docker_run(script):
    return timed(["docker", "run", "--rm", IMAGE, "sh", "-c", script])


def interleave(rounds, runners):
    """runners: name -> zero-arg function returning a number. One warm-up each, then `rounds` rounds in a
    shuffled order per round. Returns name -> list of samples."""
    for f in runners.values():
        f()
    samples = {k: [] for k in runners}
    names = list(runners)
    for _ in range(rounds):
        random.shuffle(names)
        for k in names:
            samples[k].append(runners[k]())
    return samples


# ---------------------------------------------------------------------------------------------- P1, P2

def p1(rounds):
    """Whole-process marginal per command (the verdict), and the same marginal measured inside the container
    (ours: the phase times of the record; baseline: `date +%s%N` around the commands), which is far less
    sensitive to the noise of a shared machine."""
    n = 200
    per_phase = {"install": 50, "pre_build": 50, "build": 50, "post_build": 50}
    many = make_source("p1-200", buildspec({k: ["/bin/true"] * v for k, v in per_phase.items()}))
    one = make_source("p1-1", buildspec({"build": ["/bin/true"]}))
    inside = {"ours200": [], "ours1": [], "base200": [], "base1": []}
    phases = ("INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD")

    def run_ours(key, src):
        def f():
            t, rec = ours(src)
            inside[key].append(sum(phase_seconds(rec, p) for p in phases))
            return t
        return f

    def run_base(key, count):
        script = 's=$(date +%s%N); ' + "; ".join(["/bin/true"] * count) + '; e=$(date +%s%N); echo $((e - s))'

        def f():
            t0 = time.perf_counter()
            out = subprocess.run(["docker", "run", "--rm", IMAGE, "sh", "-c", script], check=True,
                                 capture_output=True, text=True).stdout
            t = time.perf_counter() - t0
            inside[key].append(int(out.strip()) / 1e9)
            return t
        return f

    s = interleave(rounds, {"ours200": run_ours("ours200", many), "ours1": run_ours("ours1", one),
                            "base200": run_base("base200", n), "base1": run_base("base1", 1)})
    for k in inside:
        inside[k] = inside[k][1:]  # the warm-up
    ours_ms = (median(s["ours200"]) - median(s["ours1"])) / (n - 1) * 1000
    base_ms = (median(s["base200"]) - median(s["base1"])) / (n - 1) * 1000
    diff = ours_ms - base_ms
    in_ours = (median(inside["ours200"]) - median(inside["ours1"])) / (n - 1) * 1000
    in_base = (median(inside["base200"]) - median(inside["base1"])) / (n - 1) * 1000
    return [row("P1", "200 x /bin/true over 4 phases, minus 1: marginal per command (whole process)",
                "%.2f ms/cmd" % base_ms, "%.2f ms/cmd" % ours_ms, "%+.2f ms/cmd" % diff,
                "<= 3 ms/cmd", diff <= 3.0,
                {"baseline_ms_per_command": base_ms, "ours_ms_per_command": ours_ms, "difference_ms": diff,
                 "samples_s": s}),
            row("P1/in", "the same marginal measured inside the container (record phase times; date +%s%N)",
                "%.2f ms/cmd" % in_base, "%.2f ms/cmd" % in_ours, "%+.2f ms/cmd" % (in_ours - in_base),
                "(info)", None,
                {"baseline_ms_per_command": in_base, "ours_ms_per_command": in_ours,
                 "difference_ms": in_ours - in_base, "samples_s": inside})]


def p2(rounds):
    """The installed command (bench/run.sh installs it under WORK/install), as users run it."""
    src = make_source("p2", buildspec({"build": ["echo hello"]}))
    command = [INSTALLED] if os.access(INSTALLED, os.X_OK) else None
    if command is None:
        log("P2: %s is missing (bench/run.sh installs it); timing java -jar instead" % INSTALLED)
    s = interleave(rounds, {"ours": lambda: ours(src, command=command)[0], "base": lambda: docker_run("true")})
    o, b = median(s["ours"]), median(s["base"])
    return row("P2", "one echo (installed command) vs docker run --rm IMG true", "%.3f s" % b, "%.3f s" % o,
               "+%.3f s" % (o - b), "<= +0.35 s", o - b <= 0.35,
               {"baseline_s": b, "ours_s": o, "difference_s": o - b, "samples_s": s,
                "command": "installed" if command else "java -jar"})


# ---------------------------------------------------------------------------------------------- P3, P6

LINE = "[INFO] Compiling module src/main/java/com/example/Service.java ... ok (0.012s) build step 4242 done\n"
assert len(LINE) == 100


def yes_command(size):
    return "yes %s | head -c %d" % (shlex_quote(LINE[:-1]), size)


def shlex_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def secret_values(count):
    r = random.Random(42)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return ["".join(r.choice(alphabet) for _ in range(16 + r.randrange(25))) for _ in range(count)]


def p3(rounds):
    size = 200 * MB
    # The secrets are printed once (and masked), then 200 MB of ordinary output go through the masker.
    src = make_source("p3", buildspec({"build": ['echo "tokens: $S01 $S10 $S20"', yes_command(size)]}))
    secrets = secret_values(20)
    env = {"S%02d" % (i + 1): v for i, v in enumerate(secrets)}
    with_secrets = [a for i in range(20) for a in ("--secret", "S%02d" % (i + 1))]
    # Without secrets the same variables arrive as plain --env values (not masked), so the commands are equal.
    plain = [a for k, v in env.items() for a in ("--env", "%s=%s" % (k, v))]
    build_s = {"masked": [], "plain": []}

    def run(kind):
        def f():
            t, rec = _ours_cat(src, with_secrets if kind == "masked" else plain, env)
            build_s[kind].append(phase_seconds(rec, "BUILD"))
            return t
        return f

    s = interleave(rounds, {"masked": run("masked"), "plain": run("plain")})
    bm, bp = median(build_s["masked"][1:]), median(build_s["plain"][1:])
    tm, tp = size / bm / MB, size / bp / MB
    ratio = tm / tp
    return row("P3", "200 MB of output, 20 secrets vs none (BUILD phase throughput)",
               "%.0f MB/s" % tp, "%.0f MB/s" % tm, "%.2f" % ratio, ">= 0.8", ratio >= 0.8,
               {"plain_MBps": tp, "masked_MBps": tm, "ratio": ratio, "build_phase_s": build_s,
                "whole_process_s": s,
                "whole_process_ratio": median(s["plain"]) / median(s["masked"])})


def _ours_cat(src, extra, env):
    """The CLI's output goes to a pipe read by `cat >/dev/null`, a consumer like a terminal or a log shipper."""
    sink = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        return ours(src, extra, env=env, out=sink.stdin)
    finally:
        sink.stdin.close()
        sink.wait()


def p6():
    size = 1000 * MB
    src = make_source("p6", buildspec({"build": [yes_command(size)]}))
    record = os.path.join(WORK, "p6-record.json")
    rss_file = os.path.join(WORK, "p6-rss")
    cmd = ("/usr/bin/time -f %%M -o %s java -Xmx128m -jar %s run --source %s --image %s --record %s "
           "| grep -av '^\\[Container\\] '" % (rss_file, JAR, src, IMAGE, record))
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, shell=True, stdout=subprocess.PIPE)
    h = hashlib.sha256()
    count = 0
    while True:
        b = p.stdout.read(1 << 20)
        if not b:
            break
        count += len(b)
        h.update(b)
    rc = p.wait()
    t = time.perf_counter() - t0
    expected = hashlib.sha256()
    block = (LINE * 10000).encode()
    for _ in range(size // len(block)):
        expected.update(block)
    with open(record) as f:
        status = json.load(f)["buildStatus"]
    with open(rss_file) as f:
        rss_kb = int(f.read().strip().splitlines()[-1])
    intact = count == size and h.hexdigest() == expected.hexdigest()
    ok = intact and status == "SUCCEEDED"
    return row("P6", "1 GB of output, CLI under -Xmx128m", "%d bytes" % size,
               "%d bytes, %s" % (count, status), "intact" if intact else "CORRUPT",
               "completes, bytes intact", ok,
               {"expected_bytes": size, "printed_bytes": count, "sha256_match": h.hexdigest() == expected.hexdigest(),
                "build_status": status, "wall_s": t, "MBps": size / t / MB, "max_rss_MB": rss_kb / 1024,
                "pipeline_rc": rc})


# ---------------------------------------------------------------------------------------------- P4

def p4(rounds):
    src = os.path.join(WORK, "p4")
    data = os.path.join(src, "data")
    marker = os.path.join(src, ".complete")
    if not os.path.exists(marker):
        log("P4: creating 20 000 small files + 4 large ones (200 MB)")
        shutil.rmtree(src, ignore_errors=True)
        r = random.Random(1)
        for d in range(200):
            dd = os.path.join(data, "pkg%03d" % d)
            os.makedirs(dd)
            for i in range(100):
                with open(os.path.join(dd, "f%03d.txt" % i), "wb") as f:
                    f.write(r.randbytes(2000))
        big = os.path.join(data, "large")
        os.makedirs(big)
        for i in range(4):
            with open(os.path.join(big, "blob%d.bin" % i), "wb") as f:
                for _ in range(40):
                    f.write(os.urandom(MB))
        write(os.path.join(src, "buildspec.yml"), buildspec(
            {"build": ["true"]}, ["artifacts:", "  files:", "    - '**/*'", "  base-directory: data"]))
        write(marker, "")
    total = int(sh(["du", "-sb", data]).split()[0])
    files = int(sh("find %s -type f | wc -l" % data).strip())
    out_dir = os.path.join(WORK, "p4-out")
    tar = os.path.join(WORK, "p4.tar")
    cp_dir = os.path.join(WORK, "p4-cp")
    trash = os.path.join(WORK, "p4-trash")
    shutil.rmtree(trash, ignore_errors=True)
    os.makedirs(trash)

    def clean():
        # Outputs are moved aside, not deleted, between runs: on ext4 with `discard` (this VM) creating
        # files right after deleting 20 000 others is ten times slower, which would punish whoever runs next.
        for p in (out_dir, tar, cp_dir):
            if os.path.exists(p):
                os.rename(p, os.path.join(trash, "%s-%d" % (os.path.basename(p), len(os.listdir(trash)))))
        subprocess.run(["sync"], check=True)

    def run_ours():
        clean()
        _, rec = ours(src, ["--artifacts", out_dir])
        return phase_seconds(rec, "UPLOAD_ARTIFACTS")

    def run_tar():
        clean()
        return timed(["tar", "-cf", tar, "-C", data, "."])

    def run_cp():
        clean()
        return timed(["cp", "-a", data, cp_dir])

    s = interleave(rounds, {"ours": run_ours, "tar": run_tar, "cp": run_cp})
    clean()
    shutil.rmtree(trash, ignore_errors=True)
    o, b, c = median(s["ours"]), median(s["tar"]), median(s["cp"])
    ratio = o / b
    return [row("P4", "artifacts: %d files, %.0f MB; UPLOAD_ARTIFACTS vs tar -cf" % (files, total / MB),
                "%.3f s" % b, "%.3f s" % o, "%.2f" % ratio, "<= 1.2", ratio <= 1.2,
                {"files": files, "bytes": total, "tar_s": b, "ours_upload_artifacts_s": o, "ratio": ratio,
                 "cp_a_s": c, "samples_s": s}),
            row("P4/cp", "the same tree copied with cp -a (a tree copy creates every file, tar -cf one)",
                "%.3f s" % c, "%.3f s" % o, "%.2f" % (o / c), "(info)", None, {"cp_a_s": c, "ratio": o / c})]


# ---------------------------------------------------------------------------------------------- P8

P8_LINE = "[INFO] Compiling module src/main/java/com/example/Service.java ... ok (0.012s) build step 4242 done"


class Jenkins:
    """The few REST calls P8 needs, with an API token (no crumb needed then)."""

    def __init__(self, url, user, token):
        import base64
        self.url = url.rstrip("/")
        # A test Jenkins with security off (the project's harness) needs no token.
        self.auth = "Basic " + base64.b64encode(("%s:%s" % (user, token)).encode()).decode() if token else None

    def call(self, method, path, body=None, content_type="application/xml"):
        import urllib.request
        req = urllib.request.Request(path if path.startswith("http") else self.url + path, data=body, method=method)
        if self.auth:
            req.add_header("Authorization", self.auth)
        if body is not None:
            req.add_header("Content-Type", content_type)
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.headers, r.read()

    def json(self, path):
        return json.loads(self.call("GET", path)[1])

    def pipeline(self, name, script):
        from xml.sax.saxutils import escape
        config = ("<?xml version='1.1' encoding='UTF-8'?><flow-definition plugin='workflow-job'>"
                  "<definition class='org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition' plugin='workflow-cps'>"
                  "<script>%s</script><sandbox>true</sandbox></definition></flow-definition>" % escape(script))
        try:
            self.call("POST", "/job/%s/config.xml" % name, config.encode())
        except Exception:
            self.call("POST", "/createItem?name=%s" % name, config.encode())

    def secret_text(self, id_, value):
        import urllib.parse
        cred = {"": "0", "credentials": {"scope": "GLOBAL", "id": id_, "secret": value, "description": "P8",
                                         "$class": "org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl"}}
        try:
            self.call("POST", "/credentials/store/system/domain/_/createCredentials",
                      urllib.parse.urlencode({"json": json.dumps(cred)}).encode(), "application/x-www-form-urlencoded")
        except Exception:
            pass  # already there

    def build(self, name):
        """Runs the job once; the build's own duration (queue time excluded) in seconds, and its result."""
        headers, _ = self.call("POST", "/job/%s/build" % name, b"")
        queue = headers["Location"].rstrip("/") + "/api/json"
        while True:
            item = self.json(queue)
            if item.get("executable"):
                url = item["executable"]["url"]
                break
            time.sleep(0.2)
        while True:
            b = self.json(url + "api/json?tree=building,duration,result")
            if not b["building"] and b["result"]:
                return b["duration"] / 1000.0, b["result"]
            time.sleep(0.5)


def p8(rounds):
    """Start-up and the masked log through a real Jenkins with the plugin (JENKINS_URL, JENKINS_USER,
    JENKINS_TOKEN where it has security; agents labelled JENKINS_AGENT_LABEL, default docker, with the image BENCH_IMAGE present):
    a one-echo codebuildSpec against docker-workflow's inside { sh }, and 50 MB of output with one secret-text
    credential bound against withCredentials + inside. Medians of alternating builds, build durations."""
    url = os.environ.get("JENKINS_URL")
    if not url:
        log("P8: skipped, JENKINS_URL is not set")
        return []
    j = Jenkins(url, os.environ.get("JENKINS_USER", "admin"), os.environ.get("JENKINS_TOKEN"))
    label = os.environ.get("JENKINS_AGENT_LABEL", "docker")
    j.secret_text("codebuild-spec-bench", "p8-" + hashlib.sha256(str(time.time()).encode()).hexdigest()[:24])
    big = "echo \"token $S\"; yes '%s' | head -c 50000000" % P8_LINE
    q3 = "'" * 3
    jobs = {
        "p8-ours": "node('%s') { codebuildSpec image: '%s', inline: 'version: 0.2\\nphases:\\n  build:\\n"
                   "    commands:\\n      - echo hi\\n' }" % (label, IMAGE),
        "p8-inside": "node('%s') { docker.image('%s').inside { sh 'echo hi' } }" % (label, IMAGE),
        "p8-log-ours": ("node('%s') { codebuildSpec image: '%s', credentials: [string(credentialsId: "
                        "'codebuild-spec-bench', variable: 'S')], inline: %sversion: 0.2\nphases:\n  build:\n"
                        "    commands:\n      - %s\n%s }") % (label, IMAGE, q3, json.dumps(big).replace("\\", "\\\\"), q3),
        "p8-log-inside": ("node('%s') { withCredentials([string(credentialsId: 'codebuild-spec-bench', variable: "
                          "'S')]) { docker.image('%s').inside { sh %s%s%s } } }") % (label, IMAGE, q3, big, q3),
    }
    for name, script in jobs.items():
        j.pipeline(name, script)

    def runner(name):
        def run():
            seconds, result = j.build(name)
            if result != "SUCCESS":
                raise RuntimeError("P8: %s ended %s" % (name, result))
            return seconds
        return run

    s = interleave(rounds, {name: runner(name) for name in jobs})
    o, b = median(s["p8-ours"]), median(s["p8-inside"])
    lo, lb = median(s["p8-log-ours"]), median(s["p8-log-inside"])
    return [row("P8", "Jenkins: one-echo codebuildSpec vs docker.image().inside { sh }", "%.3f s" % b, "%.3f s" % o,
                "%.2f" % (o / b), "<= 0.35", o / b <= 0.35, {"samples": s}),
            row("P8/log", "Jenkins: 50 MB, one secret: codebuildSpec vs withCredentials + inside", "%.3f s" % lb,
                "%.3f s" % lo, "%.2f" % (lo / lb), "<= 1.0", lo / lb <= 1.0, {})]


# ---------------------------------------------------------------------------------------------- P9

P9_BYTES, P9_SECRETS = 200_000_000, 20


def p9(rounds):
    """The masked log of a Jenkins build: the exact script a durable task runs in the build container
    (DetachedDriverScript: the driver, then the in-container masking filter), its output written to a log file
    on the host's disk as durable-task's wrapper writes it, against the same script without secrets (the
    driver's output straight into the file). 200 MB of lines after one line quoting 20 secrets; the forms to
    mask passed by name to docker exec -e. Both run by docker exec in one running container, so the
    container's start is in neither. Row P9 is the Debian image (Perl there); P9/awk the busybox image."""
    rows = []
    # busybox awk is two orders of magnitude slower: 20 MB and three rounds say as much.
    for id_, image, size, n in (("P9", IMAGE, P9_BYTES, rounds), ("P9/awk", images()["BUSYBOX_IMAGE"], P9_BYTES // 10, 3)):
        work = os.path.join(WORK, "p9-" + id_.replace("/", "-").lower())
        sh(["java", "-cp", JMH_JAR, "dev.codebuildspec.bench.DetachedTask", work, str(size), str(P9_SECRETS)])
        forms = {}
        with open(os.path.join(work, "forms.env")) as f:
            for line in f:
                k, v = line.rstrip("\n").split("=", 1)
                forms[k] = v
        env = dict(os.environ)
        env.update(forms)
        names = [a for k in forms for a in ("-e", k)]
        cid = sh(["docker", "run", "-d", "-v", "%s:/io" % work, "--entrypoint", "sh", image, "-c",
                  "while :; do sleep 3600; done"]).strip()
        try:
            def run(script, with_forms):
                return timed(["docker", "exec"] + (names if with_forms else []) + [cid, "sh", "-c",
                              "sh /io/%s > /io/log.txt 2>&1" % script], env=env)
            s = interleave(n, {"masked": lambda: run("masked.sh", True), "plain": lambda: run("plain.sh", False)})
            run("masked.sh", True)
            masked_size = os.path.getsize(os.path.join(work, "log.txt"))
            with open(os.path.join(work, "log.txt"), "rb") as f:
                masked_head = f.read(4096)
        finally:
            subprocess.run(["docker", "rm", "-f", cid], stdout=subprocess.DEVNULL, check=False)
        os.remove(os.path.join(work, "log.txt"))
        leaked = any(v.encode() in masked_head for v in forms.values())
        m, p = median(s["masked"]), median(s["plain"])
        ratio = p / m  # throughput masked / plain
        rows.append(row(id_, "%d MB, %d secrets (%d forms), Jenkins in-container filter (%s) vs unmasked"
                        % (size // MB, P9_SECRETS, len(forms), "perl" if id_ == "P9" else "busybox awk"),
                        "%.3f s" % p, "%.3f s" % m, "%.2f" % ratio, ">= 0.8" if id_ == "P9" else "(info)",
                        (ratio >= 0.8 and not leaked) if id_ == "P9" else None,
                        {"masked_s": m, "plain_s": p, "masked_bytes": masked_size, "leaked": leaked, "samples": s}))
    return rows


# ---------------------------------------------------------------------------------------------- P10

P10_FILES, P10_FILE_BYTES = 20000, 25000  # 500 MB in 20 000 files


def p10(rounds):
    """Cache restore and save of a 500 MB, 20 000-file directory against tar -x / tar -c of the same tree
    through docker exec into the same kind of container. Ours are read off the record: restore is the gap
    between DOWNLOAD_SOURCE's end and INSTALL's start (the driver waits there for it), save the gap between
    POST_BUILD's end and UPLOAD_ARTIFACTS' start."""
    cache_dir = os.path.join(WORK, "p10-cache")
    make = ("[ -d /root/bigcache ] || for d in $(seq 1 200); do mkdir -p /root/bigcache/d$d; "
            "for f in $(seq 1 100); do head -c %d /dev/urandom > /root/bigcache/d$d/f$f; done; done"
            % P10_FILE_BYTES)
    src = make_source("p10", buildspec({"build": [make]}) + "cache:\n  paths:\n    - '/root/bigcache/**/*'\n")
    extra = ["--cache-dir", cache_dir, "--project", "p10"]
    archive = os.path.join(cache_dir, "p10")
    log("P10: first build makes the 500 MB tree and saves it")
    ours(src, extra)
    tars = [os.path.join(dp, f) for dp, _, fs in os.walk(archive) for f in fs if f == "cache.tar"]
    if not tars:
        raise RuntimeError("P10: no cache archive under " + archive)
    tar_file = tars[0]

    def gap(rec, end_of, start_of):
        phases = {p["phaseType"]: p for p in rec["phases"]}
        return (parse_time(phases[start_of]["startTime"]) - parse_time(phases[end_of]["endTime"]))

    def run_ours():
        _, rec = ours(src, extra)
        return gap(rec, "DOWNLOAD_SOURCE", "INSTALL"), gap(rec, "POST_BUILD", "UPLOAD_ARTIFACTS")

    def run_tar():
        cid = sh(["docker", "run", "-d", IMAGE, "sh", "-c", "sleep 3600"]).strip()
        try:
            with open(tar_file, "rb") as f:
                x = timed(["docker", "exec", "-i", cid, "tar", "-C", "/", "-xf", "-"], stdin=f)
            out = os.path.join(WORK, "p10-baseline.tar")
            c = timed(["sh", "-c", "docker exec %s tar -C / -cf - root/bigcache > %s" % (cid, out)])
            os.remove(out)
            return x, c
        finally:
            subprocess.run(["docker", "rm", "-f", cid], stdout=subprocess.DEVNULL, check=False)

    s = interleave(rounds, {"ours": run_ours, "tar": run_tar})
    ours_x, ours_c = median([a for a, _ in s["ours"]]), median([b for _, b in s["ours"]])
    tar_x, tar_c = median([a for a, _ in s["tar"]]), median([b for _, b in s["tar"]])
    size = os.path.getsize(tar_file)
    return [row("P10", "cache restore, %d files, %.0f MB archive, vs tar -x in the same container"
                % (P10_FILES, size / MB), "%.3f s" % tar_x, "%.3f s" % ours_x, "%.2f" % (ours_x / tar_x),
                "<= 1.3", ours_x / tar_x <= 1.3, {"restore_s": ours_x, "tar_x_s": tar_x, "samples": s}),
            row("P10/save", "cache save of the same tree vs tar -c to a file on the host", "%.3f s" % tar_c,
                "%.3f s" % ours_c, "%.2f" % (ours_c / tar_c), "<= 1.3", ours_c / tar_c <= 1.3,
                {"save_s": ours_c, "tar_c_s": tar_c})]


# ---------------------------------------------------------------------------------------------- P5, P7

def jmh(previous):
    out = os.path.join(WORK, "jmh.json")
    cmd = ["java", "-jar", JMH_JAR, "-rf", "json", "-rff", out, "-foe", "true"]
    if os.environ.get("BENCH_QUICK"):
        cmd += ["-wi", "2", "-i", "3"]
    log("JMH: " + " ".join(cmd))
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        results = json.load(f)
    scores = {}
    for r in results:
        name = r["benchmark"].rsplit(".", 2)
        key = name[-2] + "." + name[-1]
        if r.get("params"):
            key += "[" + ",".join("%s=%s" % kv for kv in sorted(r["params"].items())) + "]"
        scores[key] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
    rows = []

    prev = {}
    for r in (previous or {}).get("results", []):
        if r["id"] == "P5":
            prev = r["details"].get("ops_per_s", {})
    ops = {k: scores[k][0] for k in ("BuildspecBench.parseAndValidate", "BuildspecBench.generateDriver")}
    changes = {k: (v / prev[k] - 1) if prev.get(k) else None for k, v in ops.items()}
    regressed = [k for k, c in changes.items() if c is not None and c < -0.20]
    parse, gen = ops["BuildspecBench.parseAndValidate"], ops["BuildspecBench.generateDriver"]
    vs = ", ".join("%s %+.0f%%" % (k.split(".")[1], c * 100) for k, c in changes.items() if c is not None)
    rows.append(row("P5", "5 000-line buildspec: parse+validate / generate driver (JMH)",
                    "previous run" if prev else "(no previous run)",
                    "%.0f / %.0f ops/s" % (parse, gen), vs or "n/a",
                    "no regression > 20%", not regressed,
                    {"ops_per_s": ops, "error": {k: scores[k][1] for k in ops}, "change_vs_previous": changes,
                     "regressed": regressed}))

    # One op parses a buildspec of 1 Mi - 1 ASCII characters (ParseThroughputBench.CHARS).
    for shape in ("plain", "comment", "commands", "nesting"):
        mbps = scores["ParseThroughputBench.parse[shape=%s]" % shape][0] * (1024 * 1024 - 1) / 1e6
        target = shape in ("plain", "comment")
        rows.append(row("P5/" + shape, "parse+validate a 1 Mi-char buildspec, shape: %s (JMH)" % shape,
                        "-", "%.1f MB/s" % mbps, "-", ">= 10 MB/s" if target else "(info)",
                        mbps >= 10 if target else None, {"MBps": mbps, "shape": shape}))

    copy = scores["MaskBench.copy"][0] * 100  # one op = 100 MB
    for n in ("1", "20", "200"):
        mask = scores["MaskBench.mask[secrets=%s]" % n][0] * 100
        ratio = mask / copy
        target = n == "20"
        rows.append(row("P7" if target else "P7/%s" % n,
                        "masking 100 MB, %s secret(s) vs plain copy (JMH, 64 KiB writes)" % n,
                        "%.0f MB/s" % copy, "%.0f MB/s" % mask, "%.2f" % ratio,
                        ">= 0.5" if target else "(info)", ratio >= 0.5 if target else None,
                        {"copy_MBps": copy, "mask_MBps": mask, "ratio": ratio, "secrets": int(n)}))
    # The floor of any skip scan at the masker's stride: one table load per window, then the same copy.
    floor = scores["MaskBench.scanFloor[secrets=20]"][0] * 100
    rows.append(row("P7/floor", "one table load per window at the masker's stride (20 secrets), then the copy",
                    "%.0f MB/s" % copy, "%.0f MB/s" % floor, "%.2f" % (floor / copy), "(info: bounds P7)", None,
                    {"copy_MBps": copy, "floor_MBps": floor, "ratio": floor / copy}))
    return rows


# ---------------------------------------------------------------------------------------------- table

def row(id_, workload, baseline, ours_, ratio, target, ok, details):
    verdict = "PASS" if ok else ("MISS" if ok is not None else "-")
    log("%s: %s | baseline %s | ours %s | %s | target %s | %s" % (id_, workload, baseline, ours_, ratio, target, verdict))
    return {"id": id_, "workload": workload, "baseline": baseline, "ours": ours_, "ratio": ratio,
            "target": target, "verdict": verdict, "details": details}


def machine():
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {
        "cores": os.cpu_count(), "cpu": cpu, "memory_GB": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(), "loadavg_at_start": open("/proc/loadavg").read().split()[:3],
        "docker": sh(["docker", "version", "--format", "{{.Server.Version}}"]).strip(),
        "image": IMAGE, "image_id": sh(["docker", "image", "inspect", "--format", "{{.Id}}", IMAGE]).strip()[:19],
        "java": java, "commit": sh(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]).strip(),
        "dirty": bool(sh(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"]).strip()),
    }


def table(rows):
    cols = ["id", "workload", "baseline", "ours", "ratio", "target", "verdict"]
    heads = ["id", "workload", "baseline", "ours", "ratio / diff", "target", "verdict"]
    widths = [max(len(h), *(len(str(r[c])) for r in rows)) for c, h in zip(cols, heads)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(heads, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(str(r[c]).ljust(w) for c, w in zip(cols, widths)) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", default="P1,P2,P3,P4,P5,P6,P7,P8,P9,P10",
                    help="comma-separated ids (P5 and P7 run together)")
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "7")),
                    help="measured rounds per whole-process benchmark (after one warm-up), default 7")
    ap.add_argument("--skip-build", action="store_true", help="(run.sh) do not rebuild the jars")
    args = ap.parse_args()
    only = set(args.only.upper().split(","))
    rounds = max(5, args.rounds)
    os.makedirs(WORK, exist_ok=True)
    for jar in (JAR, JMH_JAR):
        if not os.path.exists(jar):
            sys.exit("bench: %s is missing; run bench/run.sh (it builds it)" % jar)

    latest = os.path.join(RESULTS, "latest.json")
    previous = None
    if os.path.exists(latest):
        with open(latest) as f:
            previous = json.load(f)

    m = machine()
    log("machine: %(cores)s cores (%(cpu)s), %(memory_GB)s GB, kernel %(kernel)s, load %(loadavg_at_start)s" % m)
    log("Docker %(docker)s, image %(image)s (%(image_id)s), %(java)s, commit %(commit)s" % m)
    started = time.time()
    rows = []
    if "P1" in only:
        rows += p1(rounds)
    if "P2" in only:
        rows.append(p2(rounds))
    if "P3" in only:
        rows.append(p3(max(5, rounds - 2)))
    if "P4" in only:
        rows += p4(max(5, rounds - 2))
    if "P5" in only or "P7" in only:
        rows += jmh(previous)
    if "P6" in only:
        rows.append(p6())
    if "P8" in only:
        rows += p8(rounds)
    if "P9" in only:
        rows += p9(max(5, rounds - 2))
    if "P10" in only:
        rows += p10(max(5, rounds - 2))

    result = {"date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "machine": m, "rounds": rounds, "duration_s": round(time.time() - started), "results": rows}
    if previous is not None and set(only) != {"P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10"}:
        # A partial run keeps the other rows of the previous one, marked as such.
        have = {r["id"] for r in rows}
        for r in previous.get("results", []):
            if r["id"] not in have:
                r = dict(r)
                r["verdict"] = r["verdict"] if r["verdict"].endswith(" (prev)") else r["verdict"] + " (prev)"
                rows.append(r)
        rows.sort(key=lambda r: (r["id"][:2], r["id"]))
    if previous is not None:
        write(os.path.join(RESULTS, "previous.json"), json.dumps(previous, indent=2) + "\n")
    write(latest, json.dumps(result, indent=2) + "\n")

    print()
    print("codebuild-spec benchmarks, %s, commit %s%s" % (result["date"], m["commit"], " (dirty)" if m["dirty"] else ""))
    print("machine: %(cores)s cores, %(memory_GB)s GB RAM (%(cpu)s); Docker %(docker)s; image %(image)s; %(java)s" % m)
    print("rounds: %d measured after a warm-up, medians; %d s in all" % (rounds, result["duration_s"]))
    print()
    print(table(rows))
    print()
    print("JSON: " + latest)


if __name__ == "__main__":
    main()
