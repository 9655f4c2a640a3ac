"""A synthetic plan of any size, written as YAML and Markdown the way city staff write it.

Only for the benchmark: the text reads like a plan (Japanese sentences built from plan
vocabulary, glossary terms in the prose) but says nothing true. The same size and seed always
give the same files.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

PLAN_ID = "bench-dx"
PERIOD = (2026, 2030)
GOALS = 5
PROJECTS_PER_MEASURE = 20
GLOSSARY_TERMS = 200

# (written form, reading in katakana): glossary terms are made of two of these
_HEADS = [
    ("行政", "ギョウセイ"), ("地域", "チイキ"), ("市民", "シミン"), ("防災", "ボウサイ"), ("教育", "キョウイク"),
    ("福祉", "フクシ"), ("窓口", "マドグチ"), ("庁内", "チョウナイ"), ("データ", "データ"), ("クラウド", "クラウド"),
    ("オープン", "オープン"), ("デジタル", "デジタル"), ("電子", "デンシ"), ("共通", "キョウツウ"), ("広域", "コウイキ"),
    ("情報", "ジョウホウ"), ("生成", "セイセイ"), ("遠隔", "エンカク"), ("統合", "トウゴウ"), ("標準", "ヒョウジュン"),
]
_TAILS = [
    ("基盤", "キバン"), ("連携", "レンケイ"), ("サービス", "サービス"), ("プラットフォーム", "プラットフォーム"),
    ("ポータル", "ポータル"), ("認証", "ニンショウ"), ("申請", "シンセイ"), ("台帳", "ダイチョウ"), ("分析", "ブンセキ"),
    ("システム", "システム"),
]
_SUBJECTS = ["窓口手続", "庁内の文書事務", "子育て支援の申請", "防災情報の発信", "公共施設の予約", "税の証明書交付",
             "高齢者の見守り", "学校の連絡", "図書館の貸出", "ごみの分別案内", "道路の損傷通報", "健診の予約"]
_VERBS = ["オンライン化する", "自動化する", "見直す", "標準化する", "分かりやすくする", "一元化する", "拡充する"]
_DEPARTMENTS = ["デジタル推進課", "行政経営課", "市民課", "防災課", "こども家庭課", "教育総務課", "環境政策課", "道路管理課"]
_UNITS = [("件", 120, 40), ("%", 40, 8), ("人", 800, 150), ("手続", 30, 12), ("回", 12, 4), ("分", 45, -5)]


def write_plan(target: Path, projects: int, *, seed: int = 1, plan_id: str = PLAN_ID, city: str = "ベンチマーク市") -> Path:
    """Write data/plans/<plan_id>/ with the given number of projects under target; return target/data."""
    rng = random.Random(seed)
    plan_dir = target / "data" / "plans" / plan_id
    (plan_dir / "projects").mkdir(parents=True, exist_ok=True)
    (plan_dir / "chapters").mkdir(exist_ok=True)
    terms = _glossary_terms()
    measures = max(GOALS, -(-projects // PROJECTS_PER_MEASURE))
    _dump(plan_dir / "plan.yaml", _plan_meta(city))
    _dump(plan_dir / "tree.yaml", _tree(rng, measures, terms))
    _dump(plan_dir / "glossary.yaml", {"terms": [_term(rng, i, term, reading, terms) for i, (term, reading) in enumerate(terms)]})
    for i in range(projects):
        _dump(plan_dir / "projects" / f"p-{i + 1}.yaml", project(rng, i, measures, terms))
    (plan_dir / "chapters" / "01-purpose.md").write_text(_chapter(rng, "計画の趣旨", terms), encoding="utf-8")
    (plan_dir / "chapters" / "02-overview.md").write_text(
        "# 計画の全体像\n\n## 体系\n\n```plan\ncomponent: tree\n```\n\n" + _paragraph(rng, terms, 4) + "\n", encoding="utf-8"
    )
    return target / "data"


def project_file(target: Path, index: int) -> Path:
    return target / "data" / "plans" / PLAN_ID / "projects" / f"p-{index + 1}.yaml"


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _glossary_terms() -> list[tuple[str, str]]:
    pairs = [(h + t, hr + tr) for h, hr in _HEADS for t, tr in _TAILS]
    return pairs[:GLOSSARY_TERMS]


def _sentence(rng: random.Random, terms) -> str:
    term = rng.choice(terms)[0]
    subject, verb = rng.choice(_SUBJECTS), rng.choice(_VERBS)
    return rng.choice([
        f"{subject}を{verb}ため、{term}を活用して市民の負担を減らします。",
        f"{term}の導入により、{subject}にかかる時間を短縮し、職員が本来の業務に集中できるようにします。",
        f"これまで紙で行ってきた{subject}を見直し、{term}と組み合わせて手続を{verb}。",
        f"{subject}について利用者の声を聞き、{term}の使い方を毎年度改善します。",
    ])


def _paragraph(rng: random.Random, terms, sentences: int) -> str:
    return "".join(_sentence(rng, terms) for _ in range(sentences))


def _bullets(rng: random.Random, terms, count: int) -> str:
    return "".join(f"- {_sentence(rng, terms)}\n" for _ in range(count))


def _plan_meta(city: str) -> dict:
    return {
        "title": f"{city}DX推進計画",
        "kind": "DX推進計画",
        "municipality": {"name": city, "prefecture": "架空県"},
        "period": {"start": PERIOD[0], "end": PERIOD[1]},
        "status": "adopted",
        "summary": "性能の測定のために自動で作った架空の計画です。実在の自治体・事業とは関係ありません。",
        "levels": [
            {"id": "goal", "name": "基本目標"},
            {"id": "measure", "name": "施策", "projects_label": "事業"},
        ],
    }


def _tree(rng: random.Random, measures: int, terms) -> dict:
    goals = []
    for g in range(GOALS):
        children = [
            {"id": f"measure-{m + 1}", "level": "measure", "number": f"{g + 1}-{m // GOALS + 1}",
             "title": f"{rng.choice(_SUBJECTS)}の{rng.choice(['充実', '効率化', '高度化', '利便性向上'])}",
             "description": _paragraph(rng, terms, 2)}
            for m in range(g, measures, GOALS)
        ]
        goals.append({"id": f"goal-{g + 1}", "level": "goal", "number": str(g + 1), "title": f"{rng.choice(_SUBJECTS)}から始める暮らしのDX",
                      "description": _paragraph(rng, terms, 3), "children": children})
    return {"nodes": goals}


def project(rng: random.Random, index: int, measures: int, terms) -> dict:
    """One project: prose, a schedule of three rows and six indicators over five years."""
    measure = index % measures
    years = list(range(PERIOD[0], PERIOD[1] + 1))
    kpis = []
    for k, (unit, base, step) in enumerate(_UNITS):
        start = base + rng.randint(0, base // 2)
        kpis.append({
            "kind": "outcome" if k < 2 else "output",
            "name": f"{rng.choice(_SUBJECTS)}の{['利用件数', '満足度', '利用者数', '対応手続数', '研修回数', '待ち時間'][k]}",
            "unit": unit,
            "baseline": {"value": start, "year": PERIOD[0] - 2},
            "targets": {year: start + step * (i + 1) for i, year in enumerate(years)},
            "actuals": {PERIOD[0]: start + step - rng.randint(0, abs(step))} if k % 2 else {},
        })
    return {
        "number": f"{measure // GOALS + 1}-{measure % GOALS + 1}-{index // measures + 1}",
        "title": f"{rng.choice(_SUBJECTS)}を{rng.choice(_VERBS)}事業",
        "node": f"measure-{measure + 1}",
        "novelty": rng.choice(["new", "continued"]),
        "departments": rng.sample(_DEPARTMENTS, 2),
        "summary": _paragraph(rng, terms, 2),
        "current": _bullets(rng, terms, 3),
        "ideal": _bullets(rng, terms, 2),
        "actions": _bullets(rng, terms, 4),
        "schedule": [
            {"label": "検討", "phases": [{"text": "課題の整理と方式の検討", "start": years[0]}, {"text": "試行", "start": years[1], "end": years[2]}]},
            {"label": "実施", "phases": [{"text": "本格運用と利用者の声による改善", "start": years[2], "end": years[-1]}]},
            {"label": "評価", "phases": [{"text": "効果の測定", "start": years[-1]}]},
        ],
        "kpis": kpis,
    }


def _term(rng: random.Random, index: int, term: str, reading: str, terms) -> dict:
    return {"id": f"term-{index + 1}", "term": term, "reading": reading, "description": _paragraph(rng, terms, 2)}


def _chapter(rng: random.Random, title: str, terms) -> str:
    sections = "".join(f"## {i + 1}. {rng.choice(_SUBJECTS)}の現状\n\n{_paragraph(rng, terms, 5)}\n\n{_bullets(rng, terms, 3)}\n" for i in range(4))
    return f"# {title}\n\n{sections}"
