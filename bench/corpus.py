"""Writes a benchmark corpus: N meetings, a report and an announcement each.

Standard library only, so it runs before anything is installed.  The same
``--files`` and ``--seed`` always give byte-identical files: one seeded
``random.Random`` drives every choice, in a fixed order.

The files look like the ones organizers write (see content/): German prose,
a participant list ("Name, Rolle, Firma", sometimes "+ N weitere"), one to
three talks with nested lists, links and code blocks (fenced with a language,
or ``:::bash`` as first line), a "next" section, announcements with
Wann/Wo/Vorträge/Anmeldung and ``{filename}`` links between the two.

Meetings fall on Tuesdays and end before 2025-11-26 (the tests' pinned "now").
Every fourth week while that spans at most 50 years, weekly beyond (a big
corpus would otherwise reach back to the 19th century).

    python bench/corpus.py --files 1200 --seed 1 --out bench/corpus/1200
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

LAST_POSSIBLE = dt.date(2025, 11, 25)
MAX_SPAN_WEEKS = 50 * 52

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]

FIRST_NAMES = [
    "Anna", "Bernd", "Clara", "Dominik", "Eva", "Felix", "Georg", "Hannes", "Ida", "Jonas",
    "Katrin", "Lena", "Mehmet", "Nora", "Oskar", "Paula", "Quirin", "Rosa", "Sven", "Tanja",
    "Uwe", "Viktor", "Wiebke", "Xaver", "Yvonne", "Zeynep", "Jürgen", "Björn", "Sören",
    "Ömer", "Lukas", "Marie", "Sophie", "Maximilian", "Emilia", "Ben", "Hanna", "Elias",
    "Mia", "Noah", "Lea", "Finn", "Johanna", "Leon", "Greta", "Paul", "Frieda", "Anton",
]
ROLES = [
    "Data Scientist", "ML Engineer", "Software-Entwickler", "Softwareentwicklerin",
    "Doktorandin", "Doktorand", "Student", "Studentin", "MLOps Engineer", "Data Engineer",
    "Research Engineer", "Software-Architekt", "Werkstudentin", "Postdoc",
    "Qualitätsingenieur", "Produktmanagerin", "DevOps Engineer", "NLP-Entwicklerin",
    "Computer-Vision-Ingenieurin", "Backend-Entwickler", "Sprachtechnologin", "Teamleiter KI",
]
ORGS = [
    "Neckar Analytics GmbH", "Schwabenlogik GmbH", "Kesselblick AG", "Filderbyte GmbH",
    "Uni Stuttgart", "Hochschule Esslingen", "Remstal Präzisionsteile", "Rosenstein Robotics",
    "Stuttgarter Datenwerk", "Killesberg Consulting", "Filderbank eG",
    "Remstal Automotive Software", "Fraunhofer-Institut", "freiberuflich", "Max-Planck-Institut",
]
PLACES = [
    "Coworking Space Mitte, Königstraße 1, 70173 Stuttgart",
    "Neckar Analytics GmbH, Hauptstätter Straße 70, 70178 Stuttgart (3. OG)",
    "Kesselblick AG, Theodor-Heuss-Straße 12, 70174 Stuttgart",
    "Uni Stuttgart, Campus Vaihingen, Universitätsstraße 38, Raum 0.108",
    "online (der Link kommt einen Tag vorher per Meetup)",
    "Filderbyte GmbH, Plieninger Straße 50, 70567 Stuttgart",
]
TOPICS = [
    ("Transformer für Zeitreihen", "Zeitreihen"),
    ("MLOps mit DVC und MLflow", "MLOps"),
    ("Fine-Tuning mit LoRA und QLoRA", "LLM"),
    ("Retrieval-Augmented Generation im Kundenservice", "LLM"),
    ("Vektordatenbanken im Vergleich", "Suche"),
    ("Anomalieerkennung in Sensordaten", "Industrie"),
    ("Hyperparameter-Optimierung mit Optuna", "Training"),
    ("Synthetische Trainingsdaten mit Diffusionsmodellen", "Vision"),
    ("Objekterkennung auf dem Fließband", "Vision"),
    ("Erklärbare Modelle mit SHAP", "Erklärbarkeit"),
    ("Der EU AI Act für Entwickler", "Recht"),
    ("Embeddings für die Produktsuche", "Suche"),
    ("Reinforcement Learning für Lagerroboter", "Robotik"),
    ("Graph Neural Networks für Lieferketten", "Graphen"),
    ("Quantisierung von Modellen für Edge-Geräte", "Edge"),
    ("Feature Stores in der Praxis", "MLOps"),
    ("Spracherkennung mit Whisper auf Schwäbisch", "Sprache"),
    ("Kausale Inferenz für Marketing-Budgets", "Statistik"),
    ("Active Learning beim Labeln", "Daten"),
    ("Datenqualität mit Great Expectations", "Daten"),
    ("LLM-Agenten mit Tool-Calling", "LLM"),
    ("Bayessche Optimierung im Labor", "Statistik"),
    ("Modell-Monitoring und Drift", "MLOps"),
    ("Tabellarische Daten: Gradient Boosting schlägt Deep Learning?", "Training"),
]
INTRO_SENTENCES = [
    "Die User Group lebt vom Austausch: keine Hochglanz-Vorträge, sondern Erfahrungen aus echten Projekten.",
    "Wer etwas zeigen möchte, darf auch unfertige Dinge mitbringen.",
    "Danke an unseren Gastgeber für Raum, Getränke und Pizza!",
    "Es war wieder voll -- bitte meldet euch an, damit wir planen können.",
    "Zum ersten Mal dabei waren drei Studierende der Uni Stuttgart, herzlich willkommen!",
    "Die Diskussion ging wie so oft noch lange nach dem offiziellen Ende weiter...",
    "Der Beamer hat gestreikt, also haben wir am Whiteboard weitergemacht.",
    "Wir haben kurz über \"Vorträge vs. Diskussion\" gesprochen: die Mischung passt, sagen die meisten.",
    "Online-Teilnahme war diesmal auch möglich; die Tonqualität war besser als befürchtet.",
]
BULLETS = [
    "Ausgangslage: {n} Datensätze aus {org}, stündliche Auflösung",
    "bisherige Lösung: eine einfache Baseline mit Gradient Boosting",
    "verglichen wurden drei Ansätze -- der einfachste war erstaunlich gut",
    "Ergebnis: ca. {p} % weniger Fehler als die Baseline",
    "Diskussion: \"Lohnt sich der Aufwand überhaupt?\" -- erst messen, dann entscheiden",
    "Datenqualität schlägt Modellgröße, doppelte Beispiele raus",
    "Kosten: ca. {n} € pro Monat für Training und Betrieb",
    "Frage aus der Runde: wie oft wird neu trainiert? Antwort: wöchentlich, automatisch",
    "Stolperfalle: unterschiedliche Zeitzonen in den Rohdaten (UTC vs. Europe/Berlin)",
    "Evaluation auf einem zeitlich getrennten Testset, nicht zufällig gesplittet",
    "die Labels kamen von {n} Fachleuten, Übereinstimmung nur {p} %",
    "Monitoring mit Dashboards, Alarme bei Drift über einem Schwellwert",
    "Lizenzfragen bei vortrainierten Modellen früh klären",
    "Paper: <https://arxiv.org/abs/{arxiv}>",
    "Code: [Beispiel-Repository](https://github.com/example/{slug})",
    "Doku: <https://docs.example.org/{slug}/>",
]
SUB_BULLETS = [
    "Horizont 24 h: kaum Unterschied",
    "Horizont 7 Tage: deutlich besser",
    "zu viele kleine Dateien machen alles langsam -> lieber bündeln",
    "Cache auf Netzlaufwerken ist keine gute Idee",
    "Endlosschleifen -> harte Obergrenze für die Schritte",
    "GPU-Speicher reicht nicht -> Gradient Checkpointing",
    "Batchgröße {n}, Lernrate 3e-4",
    "Artefakte an Kanten und spiegelnden Oberflächen",
]
CODE_BLOCKS = [
    ("python", """from sklearn.model_selection import TimeSeriesSplit
from lightgbm import LGBMRegressor

splits = TimeSeriesSplit(n_splits=5)
for train, test in splits.split(features):
    model = LGBMRegressor(n_estimators={n}, learning_rate=0.05)
    model.fit(features.iloc[train], target.iloc[train])
    print(model.score(features.iloc[test], target.iloc[test]))"""),
    (":::bash", """dvc init
dvc remote add -d storage s3://ml-artefakte/dvc
dvc add data/raw/messungen.parquet
dvc repro
dvc exp run --set-param train.lr=0.00{p}"""),
    ("yaml", """stages:
  train:
    cmd: python train.py --epochs {n}
    deps: [data/train.parquet, train.py]
    outs: [models/model.pkl]"""),
    ("sql", """SELECT sensor_id, avg(wert) AS mittelwert
FROM messungen
WHERE zeit > now() - interval '{n} days'
GROUP BY sensor_id
HAVING count(*) > {p};"""),
    ("", """gcloud run deploy modell-api --image eu.gcr.io/projekt/modell:{n} --memory=2G"""),
]
OPEN_CALLS = ["(meldet euch wenn ihr Vorträge habt!)", "wir suchen Vorträge", "offen"]


def meeting_dates(count: int) -> list[dt.date]:
    """``count`` Tuesdays ending before LAST_POSSIBLE, oldest first."""
    step = 4 if count * 4 <= MAX_SPAN_WEEKS else 1
    last = LAST_POSSIBLE - dt.timedelta(days=(LAST_POSSIBLE.weekday() - 1) % 7)
    return [last - dt.timedelta(weeks=step * back) for back in range(count - 1, -1, -1)]


def german_date(day: dt.date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def _fill(rng: random.Random, template: str, slug: str) -> str:
    return template.format(n=rng.randint(3, 900), p=rng.randint(2, 60),
                           org=rng.choice(ORGS), slug=slug,
                           arxiv=f"{rng.randint(1800, 2411)}.{rng.randint(10000, 19999)}")


def _people(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    names = rng.sample(FIRST_NAMES, count)
    return [(name, rng.choice(ROLES), rng.choice(ORGS)) for name in names]


def _talk_section(rng: random.Random, speaker: str, title: str) -> list[str]:
    slug = title.lower().split()[0]
    separator = rng.choice([": ", " - "])
    lines = [f"### {speaker}{separator}{title}", ""]
    for _ in range(rng.randint(5, 9)):
        lines.append("- " + _fill(rng, rng.choice(BULLETS), slug))
        if rng.random() < 0.3:
            for _ in range(rng.randint(2, 3)):
                lines.append("    - " + _fill(rng, rng.choice(SUB_BULLETS), slug))
    if rng.random() < 0.6:
        language, code = rng.choice(CODE_BLOCKS)
        lines.append("")
        if language == ":::bash":
            lines += ["```", ":::bash"]
        else:
            lines.append("```" + language)
        lines += _fill(rng, code, slug).splitlines()
        lines += ["```", ""]
        lines.append("- " + _fill(rng, rng.choice(BULLETS), slug))
    return lines + ["", ""]


def report(rng: random.Random, day: dt.date, next_day: dt.date,
           talks: list[tuple[str, str]], next_talks: list[tuple[str, str]],
           invitation: str, number: int) -> str:
    month_year = f"{MONTHS[day.month - 1]} {day.year}"
    people = _people(rng, rng.randint(5, 14))
    for speaker, _ in talks:
        if speaker not in [person[0] for person in people]:
            people.insert(0, (speaker, rng.choice(ROLES), rng.choice(ORGS)))
    summary = " und ".join(title for _, title in talks)
    lines = [
        f"Title: Bericht vom Treffen am {german_date(day)}",
        f"Date: {day.isoformat()} {rng.choice(['18:30', '20:00', '21:15'])}",
        f"Summary: {summary} -- Treffen Nr. {number} im {month_year}.",
        "",
        "## Protokoll",
        "",
        "### Intro",
        "",
        " ".join(rng.sample(INTRO_SENTENCES, rng.randint(1, 3))),
        f"Die [Einladung]({{filename}}/{invitation}) hatte das Programm schon angekündigt.",
        "",
        "### Teilnehmer",
        "",
    ]
    lines += [f"- {name}, {role}, {org}" for name, role, org in people]
    if rng.random() < 0.4:
        lines += ["", f"- \\+ {rng.randint(1, 9)} weitere"]
    lines += ["", ""]
    for speaker, title in talks:
        lines += _talk_section(rng, speaker, title)
    lines += ["### next", "", f"- Termin: {next_day.day}.{next_day.month}.{next_day.year}",
              "- Themen:"]
    if next_talks:
        lines += [f"    - {speaker}: {title}" for speaker, title in next_talks]
    else:
        lines.append(f"    - {rng.choice(OPEN_CALLS)}")
    return "\n".join(lines) + "\n"


def announcement(rng: random.Random, day: dt.date, talks: list[tuple[str, str]],
                 previous_report: str | None) -> str:
    published = day - dt.timedelta(days=rng.randint(5, 16))
    lines = [
        f"Title: Einladung zum Treffen am {german_date(day)}",
        f"Date: {published.isoformat()} {rng.choice(['09:00', '10:00', '12:00'])}",
        f"Summary: {' und '.join(title for _, title in talks)}.",
        "",
        "Wir freuen uns auf neue und bekannte Gesichter -- Vorkenntnisse braucht es keine.",
    ]
    if previous_report:
        lines.append(f"Was beim letzten Mal los war, steht im [Bericht]({{filename}}/{previous_report}).")
    lines += [
        "",
        "### Wann:",
        "",
        f"{german_date(day)} um 18:30",
        "",
        "### Wo:",
        "",
        rng.choice(PLACES),
        "",
        "### Vorträge",
        "",
    ]
    lines += [f"- {speaker}: {title}" for speaker, title in talks]
    lines += [
        "",
        "### Anmeldung",
        "",
        "Damit wir genug Pizza bestellen, meldet euch bitte an: <https://www.meetup.com/example-ml-group/>",
    ]
    return "\n".join(lines) + "\n"


PAGES = {
    "about.md": """Title: Über uns
Date: 2016-01-01 12:00
Slug: ueber-uns

Die User Group ist ein offenes Treffen für alle, die sich mit Machine Learning beschäftigen.

## Wann und wo

- regelmäßig dienstags um 18:30
- die Teilnahme ist kostenlos
""",
    "impressum.md": """Title: Impressum
Date: 2016-01-01 12:00
Slug: impressum

Verantwortlich: Orga-Team der User Group, Musterstraße 1, 70173 Stuttgart.
""",
}


# A copy moved by 400 years falls on the same weekdays (the Gregorian calendar
# repeats every 400 years, 20,871 weeks), so its meetings, "next" dates and
# weekdays stay consistent; year 9999 is the last a date can have.
COPY_SHIFT_YEARS = 400


def shifted(day: dt.date, copy: int) -> dt.date:
    return day.replace(year=day.year + COPY_SHIFT_YEARS * copy)


def write_corpus(out: Path, files: int, seed: int, copies: int = 1) -> list[Path]:
    """Write ``files`` Markdown files (half reports, half announcements) plus two pages.

    ``copies`` > 1: the archive of ``files // copies`` files written that many
    times, copy k with every date moved by 400·k years (file names, headers,
    titles, "next" and "Wann" dates): the same texts at k times the size, with
    no meeting twice and nothing a real archive would not have.
    """
    if copies < 1 or files % copies:
        raise ValueError(f"--files {files} cannot be split into {copies} copies")
    if copies > 1:
        last_year = LAST_POSSIBLE.year + COPY_SHIFT_YEARS * (copies - 1)
        if last_year > dt.MAXYEAR - 1:
            raise ValueError(f"at most {(dt.MAXYEAR - 1 - LAST_POSSIBLE.year) // 400 + 1} copies")
    if out.exists():
        shutil.rmtree(out)
    (out / "pages").mkdir(parents=True)
    written = []
    for copy in range(copies):
        written += _write_archive(out, files // copies, seed, copy)
    for name, text in PAGES.items():
        (out / "pages" / name).write_text(text, encoding="utf-8")
    return written


def _write_archive(out: Path, files: int, seed: int, copy: int) -> list[Path]:
    if files < 2 or files % 2:
        raise ValueError(f"--files must be an even number >= 2, got {files}")
    rng = random.Random(seed)
    dates = [shifted(day, copy) for day in meeting_dates(files // 2)]
    programme = [[(rng.choice(FIRST_NAMES), rng.choice(TOPICS)[0])
                  for _ in range(rng.choice([1, 1, 2, 2, 2, 3]))] for _ in dates]
    written = []
    for index, day in enumerate(dates):
        stem = day.isoformat()
        next_day = dates[index + 1] if index + 1 < len(dates) else day + dt.timedelta(weeks=4)
        next_talks = programme[index + 1] if index + 1 < len(dates) else []
        previous = f"{dates[index - 1].isoformat()}-bericht.md" if index else None
        invitation = out / f"{stem}-einladung.md"
        invitation.write_text(announcement(rng, day, programme[index], previous), encoding="utf-8")
        bericht = out / f"{stem}-bericht.md"
        bericht.write_text(report(rng, day, next_day, programme[index], next_talks,
                                  invitation.name, index + 1), encoding="utf-8")
        written += [invitation, bericht]
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1200, help="meeting files (even)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--copies", type=int, default=1,
                        help="the archive of FILES/COPIES files, each copy 400 years later")
    parser.add_argument("--out", type=Path, required=True, help="folder (replaced)")
    args = parser.parse_args(argv)
    written = write_corpus(args.out, args.files, args.seed, args.copies)
    print(f"{len(written)} Markdown files (+ {len(PAGES)} pages) in {args.out}")


if __name__ == "__main__":
    main()
