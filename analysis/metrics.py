"""Source metrics: who is cited, how, and how much the copy leans on wires, per article and per corpus.

Every function takes the ``attributions`` table (and, where it says so, ``articles`` or
``paragraphs``) and returns a DataFrame. Each output row keeps a way back to its sentences: the
``evidence`` column lists ``(article_id, offset)`` pairs, the offset being where the attributed
content starts (or, for credits, where the credited source starts) in that article's text.

With ``per_article=True`` a function groups by ``article_id`` as well; without it, it counts across
the corpus. Empty inputs give empty frames that still have their columns.

"Who says so" counts **speech** (the attribution's ``act``): what people are said to think, want
or find is not what they said, and :func:`attitudes` lists it apart. :func:`choose_acts` chooses
other acts for every function at once (the notebooks' ``acts`` parameter). A pronoun that could
not be resolved is never counted as a source (:func:`unresolved`).
"""
from __future__ import annotations

import logging

import pandas as pd

from .lexicons import WIRE_AGENCIES
from .tables import records

LOGGER = logging.getLogger(__name__)

# The kinds of attribution that cite a voice, and the two that only credit a picture or the copy.
QUOTE_KINDS = ("direct", "mixed", "indirect", "according_to")
CREDIT_KINDS = ("photo_credit", "wire_credit")
# Direct speech is the whole content in quotation marks; everything else is reported (paraphrased).
DIRECT_KINDS = ("direct",)
REPORTED_KINDS = ("mixed", "indirect", "according_to")
UNNAMED = "(unnamed)"
DEFAULT_ACTS = ("speech",)
OTHER_ACTS = ("belief", "intention", "evidence")
# Pronouns that name nobody until resolved ("he said" with no antecedent the article names).
PRONOUNS = frozenset("i we you he she they it me us him her them who one someone".split())
NO_AFFILIATION = "(none given)"
_WIRES = frozenset(a.lower() for a in WIRE_AGENCIES)


# --------------------------------------------------------------------------- helpers
def _offset(row) -> int | None:
    for col in ("content_start", "source_start", "cue_start"):
        value = row.get(col)
        if value is not None and not pd.isna(value):
            return int(value)
    return None


def with_evidence(attributions: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``attributions`` with an ``evidence`` column: the ``(article_id, offset)`` of each row."""
    df = attributions.copy()
    if df.empty:
        df["evidence"] = pd.Series(dtype=object)
        return df
    cols = [c for c in ("article_id", "content_start", "source_start", "cue_start") if c in df.columns]
    df["evidence"] = [(row["article_id"], _offset(row)) for row in records(df, cols)]
    return df


def parse_acts(acts: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """Acts from a notebook parameter: "speech", "speech,belief", "all", or a sequence."""
    if acts is None or acts == "":
        return DEFAULT_ACTS
    if isinstance(acts, str):
        acts = [a.strip() for a in acts.split(",") if a.strip()]
    if list(acts) == ["all"]:
        return DEFAULT_ACTS + OTHER_ACTS
    unknown = set(acts) - set(DEFAULT_ACTS + OTHER_ACTS)
    if unknown:
        raise ValueError(f"acts: {sorted(unknown)} are not acts; use speech, belief, intention, evidence or all")
    return tuple(acts)


def choose_acts(attributions: pd.DataFrame, acts: str | tuple[str, ...] | list[str] | None) -> pd.DataFrame:
    """A copy of ``attributions`` (every row kept) on which every metric and chart counts the chosen
    acts instead of speech alone."""
    df = attributions.copy()
    df.attrs["acts"] = parse_acts(acts)
    return df


def _act_in(df: pd.DataFrame, acts: tuple[str, ...]) -> pd.Series:
    """Rows whose act is one of ``acts``; rows without an act (older caches) count as speech."""
    if "act" not in df.columns:
        return pd.Series("speech" in acts, index=df.index)
    act = df["act"].astype(object).where(df["act"].notna(), "speech")
    return act.isin(acts)


def unresolved(attributions: pd.DataFrame) -> pd.Series:
    """Rows whose source is a pronoun the analysis could not resolve ("he said" with no antecedent)."""
    no_speaker = attributions["speaker"].isna() | (attributions["speaker"].astype(str).str.strip() == "")
    return no_speaker & attributions["source"].astype(str).str.lower().str.strip().isin(PRONOUNS)


def citations(attributions: pd.DataFrame, *, acts: tuple[str, ...] | None = None) -> pd.DataFrame:
    """The attributions that cite a voice (direct, mixed, indirect, according to) for the chosen acts
    (speech unless :func:`choose_acts` chose others), with ``speaker_name`` (the resolved speaker, else
    the mention as written, else "(unnamed)"), ``named`` and ``evidence``. A pronoun left unresolved
    is no citation: the attributions table still shows it, with no speaker."""
    acts = acts or attributions.attrs.get("acts") or DEFAULT_ACTS
    df = attributions[attributions["kind"].isin(QUOTE_KINDS) & _act_in(attributions, acts)]
    df = with_evidence(df[~unresolved(df)])
    spoken = df["speaker"].notna() & (df["speaker"].astype(str).str.strip() != "")
    df["speaker_name"] = df["speaker"].where(spoken, df["source"]).fillna(UNNAMED).astype(object)
    df["named"] = spoken & ~df["source_type"].isin(("anonymous", "unknown"))
    df["direct"] = df["kind"].isin(DIRECT_KINDS)
    return df


def _keys(per_article: bool, *cols: str) -> list[str]:
    return (["article_id"] if per_article else []) + list(cols)


def _evidence(series: pd.Series) -> list:
    return list(series)


def _share(df: pd.DataFrame, count: str, per_article: bool) -> pd.Series:
    if df.empty:
        return pd.Series(dtype=float)
    total = df.groupby("article_id")[count].transform("sum") if per_article else df[count].sum()
    return (df[count] / total).astype(float)


# --------------------------------------------------------------------------- metrics
def quotes_per_speaker(attributions: pd.DataFrame, *, per_article: bool = False) -> pd.DataFrame:
    """One row per speaker: how often they are cited, directly and in reported speech, their source
    type and affiliation, in how many articles, and the evidence. Sorted by citations."""
    cols = _keys(per_article, "speaker", "source_type", "affiliation", "n_quotes", "n_direct", "n_reported",
                 "share", "n_articles", "evidence")
    df = citations(attributions)
    if df.empty:
        return pd.DataFrame(columns=cols)
    df["affiliation"] = df["affiliation"].astype(object)
    grouped = df.groupby(_keys(per_article, "speaker_name"), sort=False, dropna=False)
    out = grouped.agg(source_type=("source_type", lambda s: s.mode().iloc[0]),
                      affiliation=("affiliation", lambda s: s.dropna().iloc[0] if s.notna().any() else None),
                      n_quotes=("kind", "size"), n_direct=("direct", "sum"),
                      n_articles=("article_id", "nunique"), evidence=("evidence", _evidence)).reset_index()
    out = out.rename(columns={"speaker_name": "speaker"})
    out["n_direct"] = out["n_direct"].astype(int)
    out["n_reported"] = out["n_quotes"] - out["n_direct"]
    out["share"] = _share(out, "n_quotes", per_article)
    return out.sort_values(_keys(per_article) + ["n_quotes", "speaker"],
                           ascending=[True] * per_article + [False, True]).reset_index(drop=True)[cols]


def _count_by(df: pd.DataFrame, col: str, *, per_article: bool, order: tuple[str, ...] = ()) -> pd.DataFrame:
    cols = _keys(per_article, col, "n", "share", "evidence")
    if df.empty:
        return pd.DataFrame(columns=cols)
    df = df.assign(**{col: df[col].astype(object).fillna("unknown")})
    out = (df.groupby(_keys(per_article, col), sort=False)
           .agg(n=("kind", "size"), evidence=("evidence", _evidence)).reset_index())
    out["share"] = _share(out, "n", per_article)
    rank = {value: i for i, value in enumerate(order)}
    out["_rank"] = out[col].map(lambda v: rank.get(v, len(rank)))
    out = out.sort_values(_keys(per_article) + ["_rank", "n"], ascending=[True] * per_article + [True, False])
    return out.reset_index(drop=True)[cols]


def quote_kinds(attributions: pd.DataFrame, *, per_article: bool = False) -> pd.DataFrame:
    """Citations by kind (direct, mixed, indirect, according_to) with a ``speech`` column saying
    whether the kind is direct or reported, and the share of each."""
    out = _count_by(citations(attributions), "kind", per_article=per_article, order=QUOTE_KINDS)
    out.insert(len(_keys(per_article)) + 1, "speech",
               out["kind"].map(lambda k: "direct" if k in DIRECT_KINDS else "reported").astype(object))
    return out


def direct_share(attributions: pd.DataFrame, *, per_article: bool = False) -> pd.DataFrame:
    """Direct versus reported speech: ``speech`` (direct or reported), ``n``, ``share``, ``evidence``."""
    df = citations(attributions)
    df = df.assign(speech=df["direct"].map({True: "direct", False: "reported"}).astype(object))
    return _count_by(df, "speech", per_article=per_article, order=("direct", "reported"))


def source_types(attributions: pd.DataFrame, *, per_article: bool = False) -> pd.DataFrame:
    """Citations by source type (person, organisation, media, anonymous, document, social_media, unknown)."""
    from .types import SOURCE_TYPES
    return _count_by(citations(attributions), "source_type", per_article=per_article, order=SOURCE_TYPES)


def named_sources(attributions: pd.DataFrame, *, per_article: bool = False) -> pd.DataFrame:
    """Citations of named versus anonymous (or unresolved) sources."""
    df = citations(attributions)
    df = df.assign(source=df["named"].map({True: "named", False: "anonymous"}).astype(object))
    return _count_by(df, "source", per_article=per_article, order=("named", "anonymous"))


def affiliations(attributions: pd.DataFrame, *, per_article: bool = False) -> pd.DataFrame:
    """Share of voices by affiliation: ``n_voices`` distinct speakers, ``n_quotes`` citations, their
    ``share`` of all citations, and the evidence. Citations without an affiliation are "(none given)"."""
    cols = _keys(per_article, "affiliation", "n_voices", "n_quotes", "share", "speakers", "evidence")
    df = citations(attributions)
    if df.empty:
        return pd.DataFrame(columns=cols)
    df["affiliation"] = df["affiliation"].astype(object).fillna(NO_AFFILIATION)
    out = (df.groupby(_keys(per_article, "affiliation"), sort=False)
           .agg(n_voices=("speaker_name", "nunique"), n_quotes=("kind", "size"),
                speakers=("speaker_name", lambda s: sorted(set(s))), evidence=("evidence", _evidence))
           .reset_index())
    out["share"] = _share(out, "n_quotes", per_article)
    out = out.sort_values(_keys(per_article) + ["n_quotes"], ascending=[True] * per_article + [False])
    return out.reset_index(drop=True)[cols]


def _is_wire(name) -> bool:
    if name is None or pd.isna(name):
        return False
    return any(part.strip().lower() in _WIRES for part in str(name).replace("/", ",").split(","))


def wire_reliance(attributions: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                  paragraphs: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article: photo credits, wire credits, sign-off paragraphs ("With Reuters and AP"),
    wires and other media cited as sources, and ``relies_on_wires`` (any wire credit, sign-off or
    wire cited). ``articles`` adds the articles in which none of these were found."""
    cols = ["article_id", "n_photo_credits", "n_wire_credits", "n_signoffs", "n_wires_cited", "n_media_cited",
            "relies_on_wires", "evidence"]
    df = with_evidence(attributions)
    ids = list(dict.fromkeys(list(articles["article_id"]) if articles is not None else []))
    ids += [a for a in dict.fromkeys(df["article_id"]) if a not in ids]
    rows = []
    for article_id in ids:
        mine = df[df["article_id"] == article_id]
        cited = mine[mine["kind"].isin(QUOTE_KINDS)]
        wires_cited = cited[cited["speaker"].map(_is_wire).astype(bool) | cited["source"].map(_is_wire).astype(bool)]
        media = cited[(cited["source_type"] == "media") & ~cited.index.isin(wires_cited.index)]
        signoffs = []
        if paragraphs is not None and not paragraphs.empty:
            p = paragraphs[(paragraphs["article_id"] == article_id) & (paragraphs["kind"] == "signoff")]
            signoffs = [(article_id, int(s)) for s in p["start"]]
        credits = mine[mine["kind"].isin(CREDIT_KINDS)]
        row = {"article_id": article_id,
               "n_photo_credits": int((mine["kind"] == "photo_credit").sum()),
               "n_wire_credits": int((mine["kind"] == "wire_credit").sum()), "n_signoffs": len(signoffs),
               "n_wires_cited": len(wires_cited), "n_media_cited": len(media),
               "evidence": list(credits["evidence"]) + signoffs + list(wires_cited["evidence"])
               + list(media["evidence"])}
        row["relies_on_wires"] = bool(row["n_wire_credits"] or row["n_signoffs"] or row["n_wires_cited"]
                                      or bool(credits["source"].map(_is_wire).astype(bool).any()))
        rows.append(row)
    return pd.DataFrame(rows, columns=cols)


def summary(attributions: pd.DataFrame, *, articles: pd.DataFrame | None = None,
            per_article: bool = False) -> pd.DataFrame:
    """Transparency and balance at a glance: citations, distinct speakers, share of anonymous and of
    direct citations, number of distinct affiliations, the top speaker and their share."""
    cols = _keys(per_article, "n_citations", "n_speakers", "share_anonymous", "share_direct",
                 "n_affiliations", "top_speaker", "top_speaker_share", "evidence")
    df = citations(attributions)
    groups: list[tuple[str | None, pd.DataFrame]]
    if per_article:
        ids = list(articles["article_id"]) if articles is not None else []
        ids += [a for a in dict.fromkeys(df["article_id"]) if a not in ids]
        groups = [(a, df[df["article_id"] == a]) for a in ids]
    else:
        groups = [(None, df)]
    rows = []
    for article_id, g in groups:
        n = len(g)
        top = g["speaker_name"][g["named"]].value_counts()
        row = {"n_citations": n, "n_speakers": int(g["speaker_name"].nunique()),
               "share_anonymous": float((~g["named"]).mean()) if n else None,
               "share_direct": float(g["direct"].mean()) if n else None,
               "n_affiliations": int(g["affiliation"].dropna().nunique()),
               "top_speaker": top.index[0] if len(top) else None,
               "top_speaker_share": float(top.iloc[0] / n) if len(top) else None,
               "evidence": list(g["evidence"][g["speaker_name"] == top.index[0]]) if len(top) else []}
        if per_article:
            row["article_id"] = article_id
        rows.append(row)
    return pd.DataFrame(rows, columns=cols)


def attitudes(attributions: pd.DataFrame, *, per_article: bool = False) -> pd.DataFrame:
    """Who is said to think, want or find: one row per speaker and act (belief, intention, evidence)
    with ``n``, an ``example`` of what is attributed, and the evidence. Kept apart from who *says* so."""
    cols = _keys(per_article, "speaker", "act", "n", "example", "evidence")
    df = citations(attributions, acts=OTHER_ACTS)
    if df.empty:
        return pd.DataFrame(columns=cols)
    out = (df.groupby(_keys(per_article, "speaker_name", "act"), sort=False)
           .agg(n=("kind", "size"), example=("content", "first"), evidence=("evidence", _evidence)).reset_index())
    out = out.rename(columns={"speaker_name": "speaker"})
    rank = {a: i for i, a in enumerate(OTHER_ACTS)}
    out["_rank"] = out["act"].map(rank)
    out = out.sort_values(_keys(per_article) + ["_rank", "n", "speaker"],
                          ascending=[True] * per_article + [True, False, True])
    return out.reset_index(drop=True)[cols]
