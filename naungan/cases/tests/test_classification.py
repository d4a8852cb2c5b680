"""GBVIMS classification: ordered questions, first yes wins; derived flags (DESIGN §7)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from naungan.cases.classification import QUESTION_KEYS, QUESTIONS, classify, context_flags

answers_st = st.fixed_dictionaries({k: st.one_of(st.none(), st.booleans()) for k in QUESTION_KEYS})
RELATIONSHIPS = [
    "intimate_partner", "former_partner", "primary_caregiver", "family", "stranger", "unknown",
]  # fmt: skip
TYPES = [t for _k, t in QUESTIONS] + ["non_gbv"]


def test_contract_example_is_sexual_assault():
    result = classify(
        {
            "penetration": False,
            "sexual_contact": True,
            "physical_assault": True,
            "forced_marriage": False,
            "denial_of_resources": False,
            "psychological_abuse": True,
        }
    )
    assert result.gbv_type == "sexual_assault"
    assert [step["question"] for step in result.trace] == ["penetration", "sexual_contact"]


def test_each_question_alone_gives_its_type_in_order():
    expected = [
        "rape",
        "sexual_assault",
        "physical_assault",
        "forced_marriage",
        "denial_of_resources",
        "psychological_abuse",
    ]
    for key, gbv_type in zip(QUESTION_KEYS, expected, strict=True):
        assert classify({key: True}).gbv_type == gbv_type


def test_no_yes_is_non_gbv_and_traces_every_question():
    result = classify(dict.fromkeys(QUESTION_KEYS, False))
    assert result.gbv_type == "non_gbv"
    assert len(result.trace) == 6


@given(answers_st, st.data())
def test_changing_an_answer_below_the_first_yes_never_changes_the_type(answers, data):
    first_yes = next((i for i, k in enumerate(QUESTION_KEYS) if answers[k] is True), None)
    if first_yes is None or first_yes == len(QUESTION_KEYS) - 1:
        return
    below = data.draw(st.sampled_from(QUESTION_KEYS[first_yes + 1 :]))
    changed = dict(answers, **{below: data.draw(st.one_of(st.none(), st.booleans()))})
    assert classify(changed).gbv_type == classify(answers).gbv_type


@given(answers_st)
def test_type_is_that_of_the_first_yes(answers):
    result = classify(answers)
    yes = [t for k, t in QUESTIONS if answers[k] is True]
    assert result.gbv_type == (yes[0] if yes else "non_gbv")
    assert result.trace[-1]["answer"] is True or result.gbv_type == "non_gbv"


@given(
    gbv_type=st.sampled_from(TYPES),
    rel=st.sampled_from(RELATIONSHIPS),
    age=st.one_of(st.none(), st.integers(0, 90)),
    money=st.booleans(),
    abduction=st.sampled_from(["none", "abducted", "trafficked", "forced_conscription"]),
    htp=st.sampled_from(["no", "fgm", "early_marriage", "other"]),
)
def test_flag_rules(gbv_type, rel, age, money, abduction, htp):
    flags = context_flags(
        gbv_type=gbv_type,
        perpetrator_relationships=[rel],
        survivor_age=age,
        money_goods_exchanged=money,
        abduction=abduction,
        harmful_traditional_practice=htp,
    )
    sexual = gbv_type in ("rape", "sexual_assault")
    child = age is not None and age < 18
    gbv = gbv_type != "non_gbv"
    assert ("IPV" in flags) == (gbv and rel in ("intimate_partner", "former_partner"))
    assert ("CSA" in flags) == (sexual and child)
    assert ("EARLY" in flags) == (gbv_type == "forced_marriage" and child)
    assert ("EXPL" in flags) == (sexual and money)
    assert ("SLAV" in flags) == (sexual and abduction != "none")
    assert ("HTP" in flags) == (gbv and htp != "no")
    order = ["IPV", "CSA", "EARLY", "EXPL", "SLAV", "HTP"]
    assert flags == [f for f in order if f in flags]


def test_non_gbv_never_carries_flags_even_with_a_partner_and_a_practice():
    assert (
        context_flags(
            gbv_type="non_gbv",
            perpetrator_relationships=["intimate_partner"],
            survivor_age=12,
            money_goods_exchanged=True,
            abduction="abducted",
            harmful_traditional_practice="fgm",
        )
        == []
    )


def test_child_rape_with_money_and_abduction_by_partner():
    flags = context_flags(
        gbv_type="rape",
        perpetrator_relationships=["former_partner"],
        survivor_age=17,
        money_goods_exchanged=True,
        abduction="trafficked",
        harmful_traditional_practice="no",
    )
    assert flags == ["IPV", "CSA", "EXPL", "SLAV"]


def test_eighteen_is_not_a_child():
    flags = context_flags(
        gbv_type="forced_marriage",
        perpetrator_relationships=[],
        survivor_age=18,
        money_goods_exchanged=False,
        abduction="none",
        harmful_traditional_practice="early_marriage",
    )
    assert flags == ["HTP"]
