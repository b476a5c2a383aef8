"""The build benchmark behind ``invoke bench``: floor, full build, rebuild.

For each corpus size, in one run and interleaved round by round:

1. floor      bench/floor.py: read and convert every Markdown file, nothing else;
2. old        bench/old_site.py: plain Pelican (simple theme, default Markdown)
              on the same content, the site the project replaces;
3. build      bench/build_once.py: the production build (publishconf.py, all
              features, typogrify on) with a cold content cache, no search index;
4. pagefind   the search index over that output, as sitebuild runs it;
5. rebuild    one report edited, the same build with the content cache loaded
              and saved, in a new process (the cache is filled by an untimed
              build first if production does not write it).

Then per size one livereload probe (bench/livereload_probe.py: one long-running
preview process, one report edited per round: seconds until the page is in
the output, and until the search index is made again), and once a start-up
row: old site and build of a one-file site.

Every step is its own child process; its wall time, its CPU time and its
peak memory are recorded.  Peak memory is the largest sum of the
proportional set sizes (PSS) of the child and all its descendants (Markdown
workers, the second writing process, Pagefind), sampled every 20 ms from /proc:
a page forked processes share counts once.  The largest sum of their resident
sizes, which counts such a page in every process, is printed beside it.  Ratios are taken pair by pair within a
round (build / floor of the same round), then the median over rounds, so
that a slow moment of the machine hits both sides.

Prints a Markdown table and writes it with the raw samples to bench/results/.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402

# 2025-11-26 12:00 Europe/Berlin, as in the tests: "now" for every build.
PINNED_EPOCH = "1764154800"
# Full run: the real size (120 files), that archive ten times (1,200 files, each copy
# 400 years later), and 4,000 files (a 200-file archive 20 times) for memory and
# growth (one round there to stay near ten minutes).
DEFAULT_PLAN = ((120, 5), (1200, 3), (4000, 1))
QUICK_PLAN = ((120, 1),)
# files -> (files of the archive that is copied, copies)
SHAPES = {120: (120, 1), 1200: (120, 10), 4000: (200, 20)}
STARTUP_ROUNDS = 5

TARGET_VS_OLD = 0.8  # build / old site, at 120 and at 1,200 files
TARGET_RATIO = 1.5  # build / floor at 1,200 files
TARGET_PREVIEW_S = {120: 0.3, 1200: 1.0}  # edit visible in the livereload preview
TARGET_PEAK_MIB = 150  # all processes of the build, 1,200 files
TARGET_GROWTH = 1.10  # time per file at 4,000 / at 1,200


class StepFailed(RuntimeError):
    pass


@dataclass
class Sample:
    seconds: float  # wall clock: what the organizer waits
    cpu_seconds: float  # user + system: steadier when the machine is busy
    peak_mib: float  # the largest sum of the processes' resident memory
    # The largest sum of their proportional set sizes: a page that forked processes
    # share counts once, split among them (what the build takes from the machine).
    peak_pss_mib: float = 0.0


def _pss_kib(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _tree_memory_kib(root: int) -> tuple[int, int]:
    """Resident memory and proportional set size of ``root`` and all its descendants
    (KiB), from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(entry.name))
    total, proportional, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(parents.get(pid, ()))
        try:
            with open(f"/proc/{pid}/statm", "rb") as statm:
                resident = int(statm.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except OSError:
            continue
        total += resident
        pss = _pss_kib(pid)
        proportional += resident if pss is None else pss
    return total, proportional


class _TreeSampler(threading.Thread):
    """Largest resident sum of a process tree while it runs (every 20 ms)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self.peak_pss_kib = pid, 0, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.02):
            resident, proportional = _tree_memory_kib(self.pid)
            self.peak_kib = max(self.peak_kib, resident)
            self.peak_pss_kib = max(self.peak_pss_kib, proportional)


def run_child(args: list[str], env: dict, log: Path, stdout: Path | None = None,
              sample_memory: bool = False) -> Sample:
    """Run one child to its end; wall time, CPU time (with the processes it waited
    for) and its peak memory: with ``sample_memory`` that of all its processes together
    (sampled from /proc), else the largest one process's (``ru_maxrss``).

    The sampler reads each process's ``smaps_rollup`` every 20 ms: ~17 ms of CPU a
    sample for a build's four processes, a quarter of one core taken from the step it
    measures.  A build on two cores lost it, a step on one did not: timed rounds run
    without it."""
    with log.open("w", encoding="utf-8") as sink:
        out = stdout.open("w", encoding="utf-8") if stdout else sink
        start = time.perf_counter()
        child = subprocess.Popen(args, stdout=out, stderr=sink, env=env, cwd=ROOT)
        sampler = _TreeSampler(child.pid) if sample_memory else None
        if sampler is not None:
            sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if sampler is not None:
            sampler.done.set()
            sampler.join()
        if stdout:
            out.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
        raise StepFailed(f"{' '.join(args[1:3])} exited {child.returncode}; see {log}:\n{tail}")
    cpu = usage.ru_utime + usage.ru_stime
    largest = usage.ru_maxrss / 1024
    if sampler is None:
        return Sample(seconds, cpu, largest, largest)
    # The sampler may miss a short-lived child entirely; ru_maxrss is its largest process.
    return Sample(seconds, cpu, max(sampler.peak_kib / 1024, largest),
                  sampler.peak_pss_kib / 1024 or largest)


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
    content = write_sized_corpus(corpora, files, seed)
    output, cache, logs = work / f"out-{files}", work / f"cache-{files}", work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    build = [python, str(BENCH / "build_once.py"), str(content), str(output), "--cache", str(cache)]
    samples: dict[str, list[Sample]] = {"floor": [], "old": [], "build": [], "pagefind": [],
                                        "rebuild": []}
    shutil.rmtree(cache, ignore_errors=True)
    for number in range(1, rounds + 1):
        samples["floor"].append(
            run_child([python, str(BENCH / "floor.py"), str(content)], env, logs / "floor.log"))
        samples["old"].append(run_child(
            [python, str(BENCH / "old_site.py"), str(content), str(work / f"old-{files}")], env,
            logs / "old.log"))
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
        floor, old, full, rebuild = (samples[key][-1].seconds
                                     for key in ("floor", "old", "build", "rebuild"))
        say(f"  {files} files, round {number}/{rounds}: floor {floor:.2f} s, old {old:.2f} s, "
            f"build {full:.2f} s, pagefind {samples['pagefind'][-1].seconds:.2f} s, "
            f"rebuild {rebuild:.2f} s")
    # Peak memory of all the build's processes: one more build and rebuild with the
    # sampler, not timed.
    memory = {"build": run_child(build, env, logs / "build-memory.log", sample_memory=True)}
    edited, original = edit_one_report(content, rounds + 1)
    try:
        memory["rebuild"] = run_child([*build, "--load-cache", "--set", "CACHE_CONTENT=True"],
                                      env, logs / "rebuild-memory.log", sample_memory=True)
    finally:
        edited.write_text(original, encoding="utf-8")
    summary = summarize(files, rounds, samples, memory)
    summary["preview"] = preview(content, work / f"preview-{files}", rounds + 1, env, logs)
    say(f"  {files} files, livereload: visible after "
        f"{', '.join(f'{s:.2f}' for s in summary['preview']['visible_s'])} s, search index after "
        f"{', '.join(f'{s:.2f}' for s in summary['preview']['indexed_s'])} s")
    return summary


def write_sized_corpus(corpora: Path, files: int, seed: int) -> Path:
    """The corpus of ``files`` files: an archive of the real size copied (SHAPES)."""
    base, copies = SHAPES.get(files, (files, 1))
    content = corpora / (f"{files}-seed{seed}" if copies == 1
                         else f"{base}x{copies}-seed{seed}")
    corpus.write_corpus(content, files, seed, copies=copies)
    return content


PREVIEW_OPTIONS: list[str] = []  # ["--blocking"]: livereload as it rebuilt before


def preview(content: Path, work: Path, edits: int, env: dict, logs: Path) -> dict:
    """The livereload probe: one process, ``edits`` edits; its JSON plus its peak memory."""
    result = work / "probe.json"
    work.mkdir(parents=True, exist_ok=True)
    sample = run_child([sys.executable, str(BENCH / "livereload_probe.py"), str(content),
                        str(work / "out"), "--cache", str(work / "cache"), "--edits", str(edits),
                        *PREVIEW_OPTIONS], env, logs / "preview.log", stdout=result,
                       sample_memory=True)
    # Pelican prints its own summary line; the probe's JSON is the last line.
    found = json.loads(result.read_text(encoding="utf-8").strip().splitlines()[-1])
    # The first edit after the start fills the caches of a long-running process.
    found["visible_median_s"] = statistics.median(found["visible_s"][1:] or found["visible_s"])
    found["indexed_median_s"] = statistics.median(found["indexed_s"][1:] or found["indexed_s"])
    found["peak_mib"] = sample.peak_mib
    return found


def startup(rounds: int, seed: int, corpora: Path, work: Path, env: dict) -> dict:
    """A one-file site, old site and build alternating: what start-up costs."""
    content = corpora / f"one-file-seed{seed}"
    written = corpus.write_corpus(corpora / f"one-file-source-seed{seed}", 2, seed)
    shutil.rmtree(content, ignore_errors=True)
    content.mkdir(parents=True)
    report = next(path for path in written if path.name.endswith("-bericht.md"))
    # Alone, its link to the announcement would be broken: the link text stays.
    text = report.read_text(encoding="utf-8")
    (content / report.name).write_text(text.replace("]({filename}/", "](/"), encoding="utf-8")
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    old, build = [], []
    for _ in range(rounds):
        old.append(run_child([sys.executable, str(BENCH / "old_site.py"), str(content),
                              str(work / "old-one")], env, logs / "old-one.log"))
        build.append(run_child([sys.executable, str(BENCH / "build_once.py"), str(content),
                                str(work / "out-one"), "--cache", str(work / "cache-one")],
                               env, logs / "build-one.log"))
    return {"rounds": rounds,
            "old_s": statistics.median(s.seconds for s in old),
            "build_s": statistics.median(s.seconds for s in build),
            "build_per_old": statistics.median(b.seconds / o.seconds for b, o in zip(build, old)),
            "samples": {"old": [asdict(s) for s in old], "build": [asdict(s) for s in build]}}


def summarize(files: int, rounds: int, samples: dict[str, list[Sample]],
              memory: dict[str, Sample] | None = None) -> dict:
    """Medians and paired ratios of the timed rounds; the peaks of ``memory`` (the
    sampled build and rebuild) where given, else of the rounds."""
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
        "old_s": median("old"),
        "build_per_floor": paired(lambda i: seconds["build"][i], lambda i: seconds["floor"][i]),
        "build_per_old": paired(lambda i: seconds["build"][i], lambda i: seconds["old"][i]),
        "build_per_old_cpu": paired(lambda i: cpu["build"][i], lambda i: cpu["old"][i]),
        "build_with_search_per_floor": paired(
            lambda i: seconds["build"][i] + seconds["pagefind"][i], lambda i: seconds["floor"][i]),
        "rebuild_per_build": paired(lambda i: seconds["rebuild"][i],
                                    lambda i: seconds["build"][i]),
        "build_per_floor_cpu": paired(lambda i: cpu["build"][i], lambda i: cpu["floor"][i]),
        "rebuild_per_build_cpu": paired(lambda i: cpu["rebuild"][i], lambda i: cpu["build"][i]),
        "build_ms_per_file": 1000 * median("build") / files,
        "build_cpu_ms_per_file": 1000 * statistics.median(cpu["build"]) / files,
        "peak_mib": {key: max(sample.peak_mib for sample in values)
                     for key, values in samples.items()} | {
                         key: sample.peak_mib for key, sample in (memory or {}).items()},
        "peak_pss_mib": {key: max(sample.peak_pss_mib for sample in values)
                         for key, values in samples.items()} | {
                             key: sample.peak_pss_mib for key, sample in (memory or {}).items()},
        "samples": {key: [asdict(sample) for sample in values] for key, values in samples.items()},
        "memory_samples": {key: asdict(sample) for key, sample in (memory or {}).items()},
    }


def table(rows: list[dict]) -> str:
    lines = [
        "| files | rounds | floor s | old s | build s | build/old | (CPU) | build/floor | (CPU) "
        "| pagefind s | rebuild s | rebuild/build | preview edit s | preview search s "
        "| ms/file | peak MiB build (PSS) | peak MiB build (RSS sum) | peak MiB preview "
        "| peak MiB pagefind |",
        "|" + "---:|" * 19,
    ]
    for row in rows:
        peak = row["peak_mib"]
        lines.append(
            f"| {row['files']} | {row['rounds']} | {row['floor_s']:.2f} | {row['old_s']:.2f} "
            f"| {row['build_s']:.2f} | {row['build_per_old']:.2f} | {row['build_per_old_cpu']:.2f} "
            f"| {row['build_per_floor']:.2f} | {row['build_per_floor_cpu']:.2f} "
            f"| {row['pagefind_s']:.2f} | {row['rebuild_s']:.2f} | {row['rebuild_per_build']:.2f} "
            f"| {row['preview']['visible_median_s']:.2f} | {row['preview']['indexed_median_s']:.2f} "
            f"| {row['build_ms_per_file']:.2f} "
            f"| {row['peak_pss_mib']['build']:.0f} | {peak['build']:.0f} "
            f"| {row['preview']['peak_mib']:.0f} | {peak['pagefind']:.0f} |")
    return "\n".join(lines)


def startup_table(found: dict) -> str:
    return "\n".join([
        "| one-file site | rounds | old s | build s | build/old |",
        "|---|---:|---:|---:|---:|",
        f"| start-up | {found['rounds']} | {found['old_s']:.2f} | {found['build_s']:.2f} "
        f"| {found['build_per_old']:.2f} |"])


def verdicts(rows: list[dict], started: dict | None = None) -> list[str]:
    """Each target with the measured value and whether it holds; only for the sizes run."""
    by_files = {row["files"]: row for row in rows}
    found = []

    def line(what: str, value: str, target: str, ok: bool) -> None:
        found.append(f"{what}: {value} (target {target}) -> {'met' if ok else 'NOT met'}")

    for files in (120, 1200):
        if files in by_files:
            row = by_files[files]
            line(f"build/old at {files}", f"{row['build_per_old']:.2f} "
                 f"(CPU {row['build_per_old_cpu']:.2f})", f"<= {TARGET_VS_OLD}",
                 row["build_per_old"] <= TARGET_VS_OLD)
    if 1200 in by_files:
        row = by_files[1200]
        line("build/floor at 1200", f"{row['build_per_floor']:.2f} "
             f"(CPU {row['build_per_floor_cpu']:.2f})", f"<= {TARGET_RATIO}",
             row["build_per_floor"] <= TARGET_RATIO)
    for files, limit in TARGET_PREVIEW_S.items():
        if files in by_files:
            seen = by_files[files]["preview"]["visible_median_s"]
            line(f"livereload: edit visible at {files}", f"{seen:.2f} s", f"<= {limit} s",
                 seen <= limit)
    if started is not None:
        line("start-up: one-file site, build/old", f"{started['build_per_old']:.2f} "
             f"({started['build_s']:.2f} s / {started['old_s']:.2f} s)", "<= 1.0",
             started["build_per_old"] <= 1.0)
    if 1200 in by_files:
        row = by_files[1200]
        peak = max(row["peak_pss_mib"]["build"], row["peak_pss_mib"]["rebuild"])
        resident = max(row["peak_mib"]["build"], row["peak_mib"]["rebuild"])
        line("peak memory of the build (all processes, PSS) at 1200",
             f"{peak:.0f} MiB (sum of resident sizes {resident:.0f} MiB)",
             f"<= {TARGET_PEAK_MIB} MiB", peak <= TARGET_PEAK_MIB)
    largest = max(by_files, default=0)
    if 1200 in by_files and largest > 1200:
        growth = by_files[largest]["build_ms_per_file"] / by_files[1200]["build_ms_per_file"]
        growth_cpu = (by_files[largest]["build_cpu_ms_per_file"]
                      / by_files[1200]["build_cpu_ms_per_file"])
        line(f"time per file {largest}/1200", f"{growth:.2f} (CPU {growth_cpu:.2f})",
             f"<= {TARGET_GROWTH}", growth <= TARGET_GROWTH)
        memory = ((by_files[largest]["peak_pss_mib"]["build"] / largest)
                  / (by_files[1200]["peak_pss_mib"]["build"] / 1200))
        found.append(f"memory per file {largest}/1200: {memory:.2f} "
                     f"({by_files[largest]['peak_pss_mib']['build']:.0f} MiB PSS at {largest})")
    return found


def profile(files: int, seed: int, corpora: Path, results: Path, env: dict) -> Path:
    """One cold production build under pyinstrument; the text report's path."""
    content = write_sized_corpus(corpora, files, seed)
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
    parser.add_argument("--blocking-preview", action="store_true",
                        help="time livereload's rebuild as it was before the preview build "
                             "(whole build, search index first), for comparison")
    parser.add_argument("--no-startup", action="store_true",
                        help="leave out the one-file start-up row")
    parser.add_argument("--profile", type=int, metavar="FILES",
                        help="instead: profile one build of FILES files with pyinstrument")
    args = parser.parse_args(argv)
    env = {**os.environ, "SOURCE_DATE_EPOCH": PINNED_EPOCH}
    args.results.mkdir(parents=True, exist_ok=True)
    # The project's modules compiled once, as pip compiles an installed package (and
    # Pelican's, in site-packages): no step pays for compiling them, also where the
    # machine forbids writing bytecode (PYTHONDONTWRITEBYTECODE).
    for folder in ("plugins", "theme", "bench"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    if args.profile:
        try:
            report = profile(args.profile, args.seed, args.corpus, args.results, env)
        except StepFailed as failure:
            print(f"ERROR: {failure}", file=sys.stderr)
            return 1
        print(report.read_text(encoding="utf-8"))
        print(f"Profile: {report}")
        return 0

    plan = parse_plan(args.sizes, args.rounds, args.quick)
    if args.blocking_preview:
        PREVIEW_OPTIONS.append("--blocking")
    started = time.perf_counter()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-", dir=args.results) as work:
        for files, rounds in plan:
            print(f"Corpus of {files} files (seed {args.seed}), {rounds} round(s) ...", flush=True)
            try:
                rows.append(bench_size(files, rounds, args.seed, args.corpus, Path(work),
                                       env, lambda line: print(line, flush=True)))
            except StepFailed as failure:
                print(f"ERROR: {failure}", file=sys.stderr)
                return 1
        start_row = None
        if not args.quick and not args.no_startup:
            print(f"Start-up: one-file site, {STARTUP_ROUNDS} rounds ...", flush=True)
            try:
                start_row = startup(STARTUP_ROUNDS, args.seed, args.corpus, Path(work), env)
            except StepFailed as failure:
                print(f"ERROR: {failure}", file=sys.stderr)
                return 1
    elapsed = time.perf_counter() - started
    machine = (f"{platform.python_implementation()} {platform.python_version()}, "
               f"{os.cpu_count()} cores, {platform.machine()}, load {os.getloadavg()[0]:.1f}")
    report = "\n".join([table(rows), "", *([startup_table(start_row), ""] if start_row else []),
                        *verdicts(rows, start_row), "",
                        f"Machine: {machine}; whole run {elapsed:.0f} s"])
    print()
    print(report)
    name = "quick" if args.quick else "latest"
    (args.results / f"{name}.md").write_text(report + "\n", encoding="utf-8")
    (args.results / f"{name}.json").write_text(
        json.dumps({"machine": machine, "seed": args.seed, "seconds": elapsed, "rows": rows,
                    "startup": start_row},
                   indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
