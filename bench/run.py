"""The build benchmark behind ``invoke bench``: floor, full build, rebuild.

For each corpus size, in one run and interleaved round by round:

1. floor      bench/floor.py: read and convert every Markdown file, nothing else;
2. build      bench/build_once.py: the production build (publishconf.py, all
              features, typogrify on) with a cold content cache, no search index;
3. pagefind   the search index over that output, as sitebuild runs it;
4. rebuild    one report edited, the same build with the content cache loaded
              and saved, as livereload does (the cache is filled by an untimed
              build first if production does not write it).

Every step is its own child process; its wall time and its peak memory
(``ru_maxrss`` from ``os.wait4`` of that child) are recorded.  Ratios are taken
pair by pair within a round (build / floor of the same round), then the
median over rounds, so that a slow moment of the machine hits both sides.

Prints a Markdown table and writes it with the raw samples to bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402

# 2025-11-26 12:00 Europe/Berlin, as in the tests: "now" for every build.
PINNED_EPOCH = "1764154800"
# Full run: 120 files as a warm-up row, 1,200 for the ratio targets, 4,800 for
# memory and growth (fewer rounds there to stay under ten minutes).
DEFAULT_PLAN = ((120, 3), (1200, 3), (4800, 2))
QUICK_PLAN = ((120, 1),)

TARGET_RATIO = 1.5
TARGET_REBUILD_SHARE = 0.25
TARGET_PEAK_MIB = 100
TARGET_GROWTH = 1.10


class StepFailed(RuntimeError):
    pass


@dataclass
class Sample:
    seconds: float  # wall clock: what the organizer waits
    cpu_seconds: float  # user + system: steadier when the machine is busy
    peak_mib: float


def run_child(args: list[str], env: dict, log: Path) -> Sample:
    """Run one child to its end; wall time and its own peak resident memory."""
    with log.open("w", encoding="utf-8") as sink:
        start = time.perf_counter()
        child = subprocess.Popen(args, stdout=sink, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise StepFailed(f"{' '.join(args[1:3])} exited {child.returncode}; see {log}:\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds, cpu, usage.ru_maxrss / 1024)  # Linux reports KiB


def edit_one_report(content: Path, round_number: int) -> tuple[Path, str]:
    """Append a sentence to the intro of a report in the middle of the archive."""
    reports = sorted(content.glob("*-bericht.md"))
    target = reports[len(reports) // 2]
    original = target.read_text(encoding="utf-8")
    edited = original.replace(
        "### Teilnehmer",
        f"Nachtrag {round_number}: die Folien sind jetzt online.\n\n### Teilnehmer", 1)
    target.write_text(edited, encoding="utf-8")
    # A later mtime, even on file systems with coarse timestamps.
    stamp = target.stat().st_mtime + 10
    os.utime(target, (stamp, stamp))
    return target, original


def bench_size(files: int, rounds: int, seed: int, corpora: Path, work: Path, env: dict,
               say) -> dict:
    content = corpora / f"{files}-seed{seed}"
    corpus.write_corpus(content, files, seed)
    output, cache, logs = work / f"out-{files}", work / f"cache-{files}", work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    build = [python, str(BENCH / "build_once.py"), str(content), str(output), "--cache", str(cache)]
    samples: dict[str, list[Sample]] = {"floor": [], "build": [], "pagefind": [], "rebuild": []}
    shutil.rmtree(cache, ignore_errors=True)
    for number in range(1, rounds + 1):
        samples["floor"].append(
            run_child([python, str(BENCH / "floor.py"), str(content)], env, logs / "floor.log"))
        samples["build"].append(run_child(build, env, logs / "build.log"))
        samples["pagefind"].append(run_child(
            [python, "-m", "pagefind", "--site", str(output), "--silent"], env,
            logs / "pagefind.log"))
        if not any(cache.glob("*")):
            # Production settings may not write the content cache; livereload's
            # do.  Fill it (not timed) so that the rebuild has one to load.
            run_child([*build, "--set", "CACHE_CONTENT=True"], env, logs / "prime.log")
        edited, original = edit_one_report(content, number)
        try:
            # As livereload rebuilds: the cache is loaded and written again.
            samples["rebuild"].append(run_child(
                [*build, "--load-cache", "--set", "CACHE_CONTENT=True"], env, logs / "rebuild.log"))
        finally:
            edited.write_text(original, encoding="utf-8")
        floor, full, rebuild = (samples[key][-1].seconds for key in ("floor", "build", "rebuild"))
        say(f"  {files} Dateien, Runde {number}/{rounds}: floor {floor:.2f} s, "
            f"build {full:.2f} s, pagefind {samples['pagefind'][-1].seconds:.2f} s, "
            f"rebuild {rebuild:.2f} s")
    return summarize(files, rounds, samples)


def summarize(files: int, rounds: int, samples: dict[str, list[Sample]]) -> dict:
    def median(key: str) -> float:
        return statistics.median(sample.seconds for sample in samples[key])

    def paired(numerator, denominator) -> float:
        return statistics.median(numerator(i) / denominator(i) for i in range(rounds))

    seconds = {key: [sample.seconds for sample in values] for key, values in samples.items()}
    cpu = {key: [sample.cpu_seconds for sample in values] for key, values in samples.items()}
    return {
        "files": files,
        "rounds": rounds,
        "floor_s": median("floor"),
        "build_s": median("build"),
        "pagefind_s": median("pagefind"),
        "rebuild_s": median("rebuild"),
        "build_per_floor": paired(lambda i: seconds["build"][i], lambda i: seconds["floor"][i]),
        "build_with_search_per_floor": paired(
            lambda i: seconds["build"][i] + seconds["pagefind"][i], lambda i: seconds["floor"][i]),
        "rebuild_per_build": paired(lambda i: seconds["rebuild"][i],
                                    lambda i: seconds["build"][i]),
        "build_per_floor_cpu": paired(lambda i: cpu["build"][i], lambda i: cpu["floor"][i]),
        "rebuild_per_build_cpu": paired(lambda i: cpu["rebuild"][i], lambda i: cpu["build"][i]),
        "build_ms_per_file": 1000 * median("build") / files,
        "build_cpu_ms_per_file": 1000 * statistics.median(cpu["build"]) / files,
        "peak_mib": {key: max(sample.peak_mib for sample in values)
                     for key, values in samples.items()},
        "samples": {key: [asdict(sample) for sample in values] for key, values in samples.items()},
    }


def table(rows: list[dict]) -> str:
    lines = [
        "| files | rounds | floor s | build s | build/floor | (CPU) | pagefind s "
        "| (build+pagefind)/floor | rebuild s | rebuild/build | (CPU) | ms/file | (CPU) "
        "| peak MiB build | peak MiB rebuild | peak MiB pagefind |",
        "|" + "---:|" * 16,
    ]
    for row in rows:
        peak = row["peak_mib"]
        lines.append(
            f"| {row['files']} | {row['rounds']} | {row['floor_s']:.2f} | {row['build_s']:.2f} "
            f"| {row['build_per_floor']:.2f} | {row['build_per_floor_cpu']:.2f} "
            f"| {row['pagefind_s']:.2f} | {row['build_with_search_per_floor']:.2f} "
            f"| {row['rebuild_s']:.2f} | {row['rebuild_per_build']:.2f} "
            f"| {row['rebuild_per_build_cpu']:.2f} | {row['build_ms_per_file']:.2f} "
            f"| {row['build_cpu_ms_per_file']:.2f} "
            f"| {peak['build']:.0f} | {peak['rebuild']:.0f} | {peak['pagefind']:.0f} |")
    return "\n".join(lines)


def verdicts(rows: list[dict]) -> list[str]:
    """Each target with the measured value; only for the sizes that were run."""
    by_files = {row["files"]: row for row in rows}
    found = []

    def verdict(ok: bool) -> str:
        return "erfüllt" if ok else "NICHT erfüllt"

    if 1200 in by_files:
        row = by_files[1200]
        found.append(f"build/floor bei 1200: {row['build_per_floor']:.2f} "
                     f"(CPU {row['build_per_floor_cpu']:.2f}; Ziel <= {TARGET_RATIO}) "
                     f"-> {verdict(row['build_per_floor'] <= TARGET_RATIO)}")
        found.append(f"rebuild/build bei 1200: {row['rebuild_per_build']:.2f} "
                     f"(CPU {row['rebuild_per_build_cpu']:.2f}; Ziel <= {TARGET_REBUILD_SHARE}) "
                     f"-> {verdict(row['rebuild_per_build'] <= TARGET_REBUILD_SHARE)}")
    if 4800 in by_files:
        peak = max(by_files[4800]["peak_mib"]["build"], by_files[4800]["peak_mib"]["rebuild"])
        found.append(f"Spitzenspeicher Build bei 4800: {peak:.0f} MiB (Ziel <= {TARGET_PEAK_MIB}) "
                     f"-> {verdict(peak <= TARGET_PEAK_MIB)}")
    if 1200 in by_files and 4800 in by_files:
        growth = by_files[4800]["build_ms_per_file"] / by_files[1200]["build_ms_per_file"]
        growth_cpu = (by_files[4800]["build_cpu_ms_per_file"]
                      / by_files[1200]["build_cpu_ms_per_file"])
        found.append(f"Zeit pro Datei 4800/1200: {growth:.2f} (CPU {growth_cpu:.2f}; "
                     f"Ziel <= {TARGET_GROWTH}) "
                     f"-> {verdict(growth <= TARGET_GROWTH)}")
    return found


def profile(files: int, seed: int, corpora: Path, results: Path, env: dict) -> Path:
    """One cold production build under pyinstrument; the text report's path."""
    content = corpora / f"{files}-seed{seed}"
    corpus.write_corpus(content, files, seed)
    report = results / f"profile-{files}.txt"
    with tempfile.TemporaryDirectory(prefix="profile-", dir=results) as work:
        run_child([sys.executable, "-m", "pyinstrument", "-r", "text", "-o", str(report),
                   str(BENCH / "build_once.py"), str(content), str(Path(work) / "out"),
                   "--cache", str(Path(work) / "cache")], env, Path(work) / "profile.log")
    return report


def parse_plan(sizes: str | None, rounds: int | None, quick: bool) -> list[tuple[int, int]]:
    plan = list(QUICK_PLAN if quick else DEFAULT_PLAN)
    if sizes:
        default_rounds = dict(plan)
        plan = [(int(size), default_rounds.get(int(size), 2)) for size in sizes.split(",")]
    if rounds:
        plan = [(size, rounds) for size, _ in plan]
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build benchmark: floor, build, rebuild.")
    parser.add_argument("--quick", action="store_true", help="120 files, 1 round (smoke run)")
    parser.add_argument("--sizes", help="comma-separated file counts, e.g. 1200,4800")
    parser.add_argument("--rounds", type=int, help="rounds for every size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--results", type=Path, default=BENCH / "results",
                        help="folder for latest.md/.json (quick.md/.json with --quick)")
    parser.add_argument("--corpus", type=Path, default=BENCH / "corpus",
                        help="folder for the generated corpora")
    parser.add_argument("--profile", type=int, metavar="FILES",
                        help="instead: profile one build of FILES files with pyinstrument")
    args = parser.parse_args(argv)
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH}
    args.results.mkdir(parents=True, exist_ok=True)
    if args.profile:
        try:
            report = profile(args.profile, args.seed, args.corpus, args.results, env)
        except StepFailed as failure:
            print(f"FEHLER: {failure}", file=sys.stderr)
            return 1
        print(report.read_text(encoding="utf-8"))
        print(f"Profil: {report}")
        return 0

    plan = parse_plan(args.sizes, args.rounds, args.quick)
    started = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-", dir=args.results) as work:
        for files, rounds in plan:
            print(f"Korpus {files} Dateien (seed {args.seed}), {rounds} Runde(n) ...", flush=True)
            try:
                rows.append(bench_size(files, rounds, args.seed, args.corpus, Path(work),
                                       env, lambda line: print(line, flush=True)))
            except StepFailed as failure:
                print(f"FEHLER: {failure}", file=sys.stderr)
                return 1
    elapsed = time.perf_counter() - started
    machine = (f"{platform.python_implementation()} {platform.python_version()}, "
               f"{os.cpu_count()} cores, {platform.machine()}")
    report = "\n".join([table(rows), "", *verdicts(rows), "",
                        f"Maschine: {machine}; Gesamtdauer {elapsed:.0f} s"])
    print()
    print(report)
    name = "quick" if args.quick else "latest"
    (args.results / f"{name}.md").write_text(report + "\n", encoding="utf-8")
    (args.results / f"{name}.json").write_text(
        json.dumps({"machine": machine, "seed": args.seed, "seconds": elapsed, "rows": rows},
                   indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
