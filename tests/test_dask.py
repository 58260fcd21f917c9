"""factex.dask on a real two-process cluster: same facts as one process, pipeline loaded once."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from spacy.language import Language

import factex

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from factex.dask import COLUMNS, extract_bag, extract_frame, facts_frame, preload  # noqa: E402
from factex.io import read_frame, writers  # noqa: E402

pytestmark = pytest.mark.slow

ARTICLES = [
    "Le constructeur Stellantis a dégagé un bénéfice de 8 milliards d'euros au premier semestre.",
    "À Marseille, le port a traité 79 millions de tonnes en 2019, soit 2 % de moins.",
    "Le gouvernement a débloqué 300 millions d'euros pour les agriculteurs touchés par la grêle.",
    "Sanofi a racheté la biotech américaine Principia pour 3,7 milliards de dollars lundi.",
    "L'inflation a atteint 1,2 % sur un an en novembre, a annoncé l'Insee vendredi.",
    "Le club de Bordeaux a été vendu à un fonds américain pour 100 millions d'euros.",
    "Air France-KLM a transporté 104 millions de passagers l'an dernier.",
    "La région Bretagne consacrera 12 % de son budget aux transports, selon son président.",
    "Le Crédit agricole a cédé sa filiale belge pour 500 millions d'euros en mars 2018.",
    "Les ventes de voitures électriques ont bondi de 40 % en octobre en France.",
]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as client:
        seconds = preload(client)
        assert len(seconds) == 2
        yield client
    cluster.close()


def items() -> list[dict[str, Any]]:
    return [
        {"id": f"art-{i}", "text": text, "published": f"2019-12-{i + 1:02d}"}
        for i, text in enumerate(ARTICLES)
    ]


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    keys = ["id", "start", "end", "kind"]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def test_bag_of_items_gives_the_single_process_rows(client: Any, nlp: Language) -> None:
    bag = db.from_sequence(items(), npartitions=4)
    rows = extract_bag(bag)
    assert list(rows.columns) == list(COLUMNS)
    result = rows.compute()
    expected = facts_frame(factex.extract_many(items(), nlp=nlp))
    assert len(expected) > len(ARTICLES)
    pd.testing.assert_frame_equal(ordered(result), ordered(expected))
    money = result[result["kind"] == "money"]
    assert all(type(a).__name__ in ("Decimal", "NAType") for a in money["amount"])


def test_one_schema_with_to_frame_and_parquet(client: Any, nlp: Language, tmp_path: Path) -> None:
    """Dask, to_frame() and a Parquet file: the same dtypes, and amounts that add up exactly."""
    rows = extract_bag(db.from_sequence(items(), npartitions=3))
    results = list(factex.extract_many(items(), nlp=nlp))
    frame = pd.concat([f.to_frame() for f in results], ignore_index=True)
    writers.write_parquet(results, str(tmp_path / "facts.parquet"))
    parquet = read_frame(tmp_path / "facts.parquet")
    computed = rows.compute()
    dtypes = frame.dtypes.to_dict()
    assert rows.dtypes.drop("error").to_dict() == dtypes  # the lazy frame's meta too
    assert computed.drop(columns="error").dtypes.to_dict() == dtypes
    assert parquet.dtypes.to_dict() == dtypes
    expected = sum((m.amount for f in results for m in f.money if m.amount is not None), Decimal(0))
    assert expected > 0
    assert computed.amount.sum() == frame.amount.sum() == parquet.amount.sum() == expected


def test_plain_strings_get_partition_ids(client: Any) -> None:
    bag = db.from_sequence(ARTICLES[:4], npartitions=2)
    result = extract_bag(bag, published="2019-12-01").compute()
    assert set(result["id"]) <= {"0:0", "0:1", "1:0", "1:1"}
    assert {"0:0", "1:1"} <= set(result["id"])


def test_dataframe_column_with_ids_and_dates(client: Any, nlp: Language) -> None:
    ids = [f"d{i}" for i in range(len(ARTICLES))]
    days = [f"2020-01-{i + 1:02d}" if i % 3 else None for i in range(len(ARTICLES))]
    frame = pd.DataFrame({"doc": ids, "body": ARTICLES, "day": days})
    ddf = dd.from_pandas(frame, npartitions=3)
    result = extract_frame(ddf, "body", id="doc", published_column="day", published="2018-07-03")
    expected_items = [
        {"id": d, "text": t, "published": p} for d, t, p in zip(ids, ARTICLES, days, strict=True)
    ]
    expected = facts_frame(factex.extract_many(expected_items, published="2018-07-03", nlp=nlp))
    pd.testing.assert_frame_equal(ordered(result.compute()), ordered(expected))


def test_bad_documents_become_error_rows(client: Any) -> None:
    bag = db.from_sequence([("ok", ARTICLES[0]), ("vide", None), ("date", ARTICLES[1], "hier")])
    result = extract_bag(bag).compute()
    errors = result[result["error"].notna()].set_index("id")["error"]
    assert sorted(errors.index) == ["date", "vide"]
    assert "got NoneType" in errors["vide"] and "'hier'" in errors["date"]
    assert (result["id"] == "ok").sum() > 0


def test_the_pipeline_is_never_shipped_with_tasks(client: Any) -> None:
    bag = db.from_sequence(items(), npartitions=5)
    rows = extract_bag(bag)
    graph = dict(rows.__dask_graph__())
    assert len(pickle.dumps(graph)) < 200_000  # the model alone is tens of megabytes
    before = client.run(lambda: id(factex.load()))
    rows.compute()
    extract_frame(dd.from_pandas(pd.DataFrame({"text": ARTICLES}), npartitions=4)).compute()
    assert client.run(lambda: id(factex.load())) == before  # loaded once per worker


def test_unknown_columns_are_named(client: Any) -> None:
    ddf = dd.from_pandas(pd.DataFrame({"texte": ARTICLES}), npartitions=1)
    with pytest.raises(KeyError, match="'text'"):
        extract_frame(ddf)
