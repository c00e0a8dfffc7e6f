#!/usr/bin/env python3
"""Times kidlc (release build) on the corpus and on synthetic modules; prints wall time, the front end's
own time (`--timing`) and peak memory. A benchmark, not a test: nothing here passes or fails."""
import os
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.environ.get("KIDL_CORPUS", os.path.join(ROOT, "..", "shared", "kurento-idl"))
OUT = os.path.join(ROOT, "bench-out")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def run(cmd):
    """Runs cmd once; returns (wall seconds, work seconds reported by --timing, peak RSS in MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, _, rusage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read()
    match = re.search(r"total ([0-9.]+) ms", err)
    work = float(match.group(1)) / 1000 if match else float("nan")
    if "0 errors" not in err:
        sys.exit(f"unexpected diagnostics from {' '.join(cmd)}:\n{err[-2000:]}")
    return wall, work, rusage.ru_maxrss / 1024


def bench(label, cmd):
    results = [run(cmd) for _ in range(RUNS)]
    wall = statistics.median(r[0] for r in results)
    work = statistics.median(r[1] for r in results)
    rss = max(r[2] for r in results)
    print(f"{label:<34} wall {wall * 1000:8.1f} ms   work {work * 1000:8.1f} ms   peak {rss:7.1f} MiB")
    return work


def main():
    subprocess.run(["swift", "build", "-c", "release", "--product", "kidlc"], cwd=ROOT, check=True)
    kidlc = os.path.join(ROOT, ".build", "release", "kidlc")
    platform = [os.path.join(CORPUS, m) for m in ("core", "elements", "filters")]
    for n in (2000, 4000):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "synth-module.py"),
                        os.path.join(OUT, f"synth{n}"), str(n), "20"], check=True)
    print(f"median of {RUNS} runs; 'work' is kidlc's own measure of the front end (--timing)")
    bench("check core", [kidlc, "check", "--timing", platform[0]])
    bench("check whole corpus (one process)",
          [kidlc, "check", "--timing"] + platform + [os.path.join(CORPUS, d) for d in ("examples", "extras")])
    idl = [arg for m in ("core", "elements", "filters") for arg in ("-I", os.path.join(ROOT, "idl", m))]
    t2 = bench("check synthetic 2,000 x 20", [kidlc, "check", "--timing", os.path.join(OUT, "synth2000"), *idl])
    t4 = bench("check synthetic 4,000 x 20", [kidlc, "check", "--timing", os.path.join(OUT, "synth4000"), *idl])
    print(f"4,000 / 2,000 work ratio: {t4 / t2:.2f}")
    # kidlc generate (swift-server) of core alone and of the whole corpus, and a no-op rerun.
    out = os.path.join(OUT, "generate")
    bench_generate("generate core (swift-server)", [kidlc, "generate", "--timing", platform[0], "--target", "swift-server",
                                                    "--output", os.path.join(out, "core")])
    corpus_out = os.path.join(out, "corpus")
    modules = platform + [os.path.join(CORPUS, "examples", m) for m in sorted(os.listdir(os.path.join(CORPUS, "examples")))]
    bench_generate("generate whole corpus (one process)",
                   [kidlc, "generate", "--timing", *modules, os.path.join(CORPUS, "extras", "video-sampler"),
                    "--target", "swift-server", "--output", corpus_out])


def bench_generate(label, cmd):
    """Times a generate command; the first run writes, the rest must write nothing."""
    results = [run_generate(cmd) for _ in range(RUNS)]
    wall = statistics.median(r[0] for r in results[1:])
    written = [r[1] for r in results]
    print(f"{label:<34} wall {wall * 1000:8.1f} ms   files written per run {written}")


def run_generate(cmd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"generate failed:\n{proc.stderr[-2000:]}")
    match = re.search(r"\((\d+) written", proc.stderr)
    return wall, int(match.group(1)) if match else -1


if __name__ == "__main__":
    main()
