"""Sentence context: negation scope, hedging, questions and citations, as users see it."""

from __future__ import annotations

import pytest

from claimlint.runner import lint_text


def _categories(rules, text: str) -> set[str]:
    """The categories of the findings the built-in rules report on a draft."""
    return {f.category for f in lint_text(text, rules, "d.md")}


@pytest.mark.parametrize(
    "text",
    [
        "Ketamine is not a cure for depression.",
        "There is no evidence that ketamine cures anxiety.",
        "It does not cure migraine.",
        "No treatment is completely safe.",
        "Claims that ketamine cures depression are a myth.",
        "It is generally not used for:\n\n- a cure for mild migraine",
        "Does ketamine cure depression?",
        "# Does ketamine cure depression",
        "Is it true there are no side effects?",
        "In trials it acted faster than SSRIs [1].",
        "It acted faster than SSRIs.[^1]\n\n[^1]: Smith, 2019.",
        "It acted faster than SSRIs (Murrough et al., 2013).",
        "It acted faster than SSRIs, Murrough et al., 2013 reported.",
        "It acted faster than [SSRIs](https://doi.org/10.1000/x).",
        "It acted faster than SSRIs in one trial. (Smith, 2019)",
        "Response was faster than antidepressants. 1, 2",
        "Response was faster than antidepressants<sup>3</sup>.",
        "Ketamine was faster than antidepressants in trial NCT01234567.",
        "Its effect lasted longer than SSRIs, according to its label.",
        "A trial was run [2]. In the same trial, it was faster than SSRIs.",
        "A Cochrane review found it worked faster than SSRIs.",
        "The same study found it acted faster than SSRIs.",
        "CDC surveillance data show it acted faster than SSRIs.",
        "In that tennis elbow trial it acted faster than a steroid shot.",
        "The EULAR 2023 recommendations call it faster than SSRIs.",
        "The 2020 IDSA/AAN/ACR guideline calls it faster than SSRIs.",
        "In a review presented at ObesityWeek 2019, 81% of patients on the patch had a deficiency.",
        "Most people feel a cooling sensation within minutes. For those it helps, relief fades within an hour.",
        "Ketamine may treat depression for some people.",
        "In small studies, ketamine treats depression.",
        "Results vary: ketamine treats depression in some.",
        "Ketamine treats depression, according to early research.",
        "We aren't aware of any rigorous clinical trials showing that a supplement or a drop cures depression.",
        "The aim of the first month is to make sure ketamine treats depression for you.",
        "Our goal with you is to find out how well ketamine treats depression, one step at a time.",
    ],
)
def test_honest_writing_is_not_flagged(lint, text):
    assert lint(text + "\n") == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Ketamine cures depression.", "test/cure"),
        ("Not only does it cure depression, it lifts mood.", "test/cure"),
        ("It does not hurt, and it cures depression.", "test/cure"),
        ("It isn't slow; it cures depression.", "test/cure"),
        ("There are no side effects.", "test/no-side-effects"),
        ("It may have no side effects.", "test/no-side-effects"),
        ("No adjustment period and no side effects.", "test/no-side-effects"),
        ("No needles, no downtime and no side effects.", "test/no-side-effects"),
        ("Ketamine may work faster than SSRIs.", "test/faster"),
        ("Ketamine treats depression.", "test/treats"),
        ("Ketamine treats depression. Some patients also sleep better.", "test/treats"),
        ("Type 2 diabetes aside, ketamine treats depression. Type 2", "test/treats"),
        ("Dr. Lee says ketamine treats depression.", "test/treats"),
        ("| Week | Result |\n| --- | --- |\n| Month 3 | Acted faster than SSRIs |", "test/faster"),
        ("It acted faster than SSRIs by session 2", "test/faster"),
        ("In the clinical trial it acted faster than SSRIs.", "test/faster"),
        ("A review found it acted faster than SSRIs.", "test/faster"),
        ("Our data show it acted faster than SSRIs.", "test/faster"),
    ],
)
def test_claims_are_flagged(lint, text, rule):
    assert rule in [f.rule for f in lint(text + "\n")]


def test_comparison_cited_elsewhere_in_paragraph(lint):
    cited = "It acted faster than SSRIs. The trial enrolled 68 adults [1]."
    uncited = "It acted faster than SSRIs. The trial enrolled 68 adults.\n\nAnother paragraph [1]."
    assert lint(cited + "\n") == []
    assert [f.rule for f in lint(uncited + "\n")] == ["test/faster"]


def test_sentence_level_rule_needs_citation_in_its_own_sentence(lint):
    text = "Ketamine treats depression. The trial enrolled 68 adults [1].\n"
    assert [f.rule for f in lint(text)] == ["test/treats"]


@pytest.mark.parametrize(
    "text",
    [
        "No studies show that ketamine cures anything.",
        "Ketamine was no faster than SSRIs.",
    ],
)
def test_negation_cue_overlapping_the_match_start(lint, text):
    assert lint(text + "\n") == []


def test_no_more_effective_than_is_a_negation(builtin_rules):
    assert "unsupported-comparison" in _categories(builtin_rules, "Ketamine is more effective than SSRIs.\n")
    assert "unsupported-comparison" not in _categories(builtin_rules, "Ketamine was no more effective than SSRIs.\n")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Ketamine may treat depression.", False),
        ("For some, ketamine treats depression.", False),
        ("Since stress can weaken you, ketamine treats depression.", True),
        ("While SSRIs may take weeks, ketamine treats depression.", True),
        ("Ketamine treats depression, though results vary.", False),
    ],
)
def test_a_modal_hedges_only_its_own_clause(lint, text, flagged):
    assert bool(lint(text + "\n")) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the modal names the other side of the comparison: it hedges nothing
        ("Our AI reads your metabolism better than a nutrition coach ever could.", True),
        ("Each milligram works harder than any pharmaceutical isolate can.", True),
        ("Ketamine works faster than SSRIs and may help within hours.", True),
        ("For some, it may feel gentler than a cup of coffee.", False),
    ],
)
def test_a_modal_on_the_other_side_of_a_comparison_hedges_nothing(builtin_rules, text, flagged):
    assert ("unsupported-comparison" in _categories(builtin_rules, text + "\n")) is flagged


@pytest.mark.parametrize(
    ("heading", "question"),
    [
        ("# Does ketamine cure depression", True),
        ("# What is ketamine, and can it cure depression", True),
        ("# How does ketamine cure depression", True),
        ("# Why ketamine cures depression", False),
        ("# How ketamine cures depression", False),
    ],
)
def test_headings_read_as_questions(lint, heading, question):
    assert (lint(heading + "\n") == []) is question


def test_negation_does_not_reach_past_a_comma(lint):
    assert [f.rule for f in lint("No waiting rooms, no needles, it cures depression.\n")] == ["test/cure"]
    assert lint("It does not cure depression, sadly.\n") == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("It is not meant to diagnose, treat, cure or prevent any disease.", False),
        ("Guidelines say not to offer any medicine or supplement as a cure.", False),
        ("Myth: ketamine cures depression.", False),
        ("Don't suffer another day: our infusions cure depression.", True),
        ("No pharmacy lines, no waiting, it cures depression.", True),
        ("Our reviews (not paid ads) say it cures depression.", True),
        ("It does not (as some claim) cure depression.", False),
        ('Myth 1: "Our infusions cure depression."', False),
        ('## Myth #4: "It cures depression, and it is safe for everyone."', False),
        ('"It cures depression!" Okay, let\'s talk about this one.', False),
        ('"It cures depression!" Book your first session today.', True),
        ("Don't worry, the spray cures depression.", True),  # a comma before a new subject ends the negation
        ("Don't sweat it, those drops cure depression.", True),
        ("Don't sweat the details, since those drops cure depression.", True),  # reassurance is no negation
        ("No worries: those drops cure depression.", True),
        ('Read this before posting about "cures" or miracle drugs.', False),  # a quoted word is mentioned
        ('Something that "cured everyone" in a forum post did nothing for me.', False),
        ('Dana says "it cured my depression."', True),  # someone's words, given as theirs
        ('Our patients call it "the cure for depression."', True),
        ('"It cured my depression." (Dana, 41)', True),
        ("If an ad says it cures depression, check the label.", False),  # a condition, not an assertion
        ("If you have depression, our infusions cure it.", True),
        ("❌ Spravato cures depression at home.", False),  # a line marked wrong
        ('ON SCREEN: 🚫 "Our drip cures depression"', False),  # a quotation marked wrong where it stands
        ('ON SCREEN: ✅ "Our drip cures depression"', True),
        ("NICE advises against offering any medicine as a cure.", False),
        ("Ads promise a cure for depression.", False),  # others' claims, reported
        ("Our ads promise a cure for depression.", True),
        ('## Claim 1: "It cures depression."', False),  # claims set out to be examined
        ("The pitch goes like this: one infusion and it cures depression.", False),
        ('"It cures depression" 🚩 No trial shows that.', False),
        ("The leap from 'levels fall' to 'an IV bag cures depression' is not one the data make.", False),
        ("A clinic calling it a cure for depression is not being straight with you.", False),
        ("When a clinic sells it as a cure for depression, look elsewhere.", False),
        ('A video making the rounds says: "It cures depression, no clinic needed."', False),  # another's words
        ('One more we hear a lot: "It cures depression."', False),
        ("My cousin swears it cured her depression.", False),
        ("I swear it cured my depression.", True),
        ("Pin title: It cures depression\nDescription: You may take it every night.", True),  # a label opens a line
        ('## FAQ 3: "Does it cure depression?" (text on image)', False),  # a quoted question asks
        ('One reader wrote, "It cures depression." Another asked, "Is it safe?" Neither is quite right.', False),
        ('One reader wrote, "It cures depression." We agree.', True),  # quoted, and not taken apart
        ("### A quick note on cures for depression", False),  # a heading that names its topic
        ("Skip any brand claiming its product cures depression.", False),
        ("Consumer alert: be careful with ads for 'chronic Lyme' cures.", False),  # a warning about others' ads
        ("A post said ketamine cures depression. Is that true?", False),  # another's words, then asked about
        ('"It cures depression" is one of the claims we remove from this group.', False),  # named, not said
        ('"It cures depression" is what our patients tell us.', True),
        ('"Ketamine cures depression" is not allowed in our copy.', False),
        ("Anyone who tells you ketamine cures depression is selling something.", False),
        ('"Ketamine cures depression." Half true, and misleading.', False),
        ("My friend says ketamine cures depression. True?", False),  # asked about
        ('"Cures depression" and "works for everyone" are red flags, whatever the product.', False),
        ('Rejected headline: "Ketamine cures depression in one session."', False),  # a reviewer's redline
        ("Ads that promise a cure for depression deserve a second look.", False),
        ("In the trial, 36% on the drug and 24% on placebo reported at least a 30% reduction in pain.", False),
        ('"Ketamine cures migraines." No medicine cures migraine.', False),  # quoted, then refuted
        ('Ads say: "Ketamine cures depression." "No side effects." How much of that is real?', False),
        ("The Menopause Society's 2022 statement calls it the most effective treatment for hot flashes.", False),
        (
            "Hormone therapy works best, per the Menopause Society's 2022 hormone therapy position statement.",
            False,
        ),
        ("I read online that ketamine cures depression. Is that true?", False),
        ('"Ketamine cures depression" is another line I hear.', False),
        ("Ketamine cures depression. Book now!", True),
        ("Words that send copy back for revision: cure, miracle, guaranteed, risk-free.", False),
        ('A headline says psilocybin "cures" depression.', False),  # scare quotes keep their distance
        ("What results do most patients get, and what are the risks?", False),
        ("It is the most effective treatment, according to The Menopause Society (2022 position statement).", False),
        ("No CBD product is approved to treat, cure or prevent depression.", False),  # "no" opens the clause
        ("No CBD product, this one included, is approved to treat, cure or prevent depression.", False),
        # the clause's subject does not use up the negation's reach
        (
            "No ketamine protocol has been shown in well-designed, placebo-controlled trials to cure depression.",
            False,
        ),
        ("No drugs, this protocol cures depression.", True),  # "no" negates its noun phrase only
        ('Myth we also hear: "Ketamine cures depression." That isn\'t true either.', False),
        ('## 4. Myth of the month: "Ketamine cures depression"', False),
        ('"Ketamine cures depression." Also not true.', False),
        ("This month brought headlines calling ketamine a cure for depression.", False),
        ("Of 17 advertisers, 3 claimed ketamine cures depression (JAMA Netw Open 2023).", False),
        ("Ads that promise a quick fix, no waiting or a cure for depression deserve a second look.", False),
        ("Ads promise miracles, but our infusions cure depression.", True),
        ('"Cures depression" is allowed only when quoting a patient.', False),
        ("That is very different from saying ketamine cures depression.", False),
        ("My buddy says ketamine cures depression.", False),
        ('"Ketamine cures depression" is the other favorite. Trials say otherwise.', False),
        ("Ketamine cures depression and is a popular choice.", True),
        ("A 2023 study found several clinics saying ketamine cures depression.", False),
        ('**"Ketamine cures depression."** It isn\'t that simple.', False),
        ('"Ketamine cures depression." That overstates it.', False),
        ('"Ketamine cures depression." They aren\'t the same thing.', False),
    ],
)
def test_negation_scope_in_lists_and_clauses(lint, text, flagged):
    assert bool(lint(text + "\n")) is flagged


def test_a_bare_no_negates_only_its_noun_phrase(lint):
    assert [f.rule for f in lint("No pills, no waiting, it cures depression.\n")] == ["test/cure"]
    assert lint("There is no evidence, despite the claims, that it cures depression.\n") == []


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        ("CBD oil can stop seizures.", "efficacy/direct-benefit", False),
        ("CBD oil can stop seizures completely.", "efficacy/direct-benefit", True),
        # the absolute is in another clause
        ("CBD oil can stop seizures, and the effect lasts forever.", "efficacy/direct-benefit", False),
        # a hedging phrase still hedges
        ("CBD oil can stop seizures completely in some children.", "efficacy/direct-benefit", False),
        # doing what others never did is no hedged claim
        ("One retreat can accomplish what years of therapy never did.", "efficacy/does-what-others-cannot", True),
        ("One retreat may help some people whom therapy did not.", "efficacy/does-what-others-cannot", False),
        # a result told against placebo reports a trial
        ("About 93% of men kept their hair, compared with about 28% on placebo.", "efficacy/universal-results", False),
        ("About 93% of men kept their hair.", "efficacy/universal-results", True),
    ],
)
def test_an_absolute_word_undoes_the_hedge_of_a_modal_in_its_clause(builtin_rules, text, rule, flagged):
    fired = [f.rule for f in lint_text(text + "\n", builtin_rules, "d.md")]
    assert (rule in fired) is flagged, fired


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Why wait weeks for antidepressants to kick in?", True),
        ("So why settle for SSRIs?", True),
        ("Why cycle through triptans for years when our infusions work faster than triptans?", True),
        ("Why do antidepressants take weeks to kick in?", False),  # a real question
    ],
)
def test_a_rhetorical_why_question_is_a_claim(builtin_rules, text, flagged):
    fired = _categories(builtin_rules, text + "\n")
    assert ("unsupported-comparison" in fired) is flagged, fired


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("It cures depression, so why wait another month?", True),
        ("It cures depression; what are you waiting for?", True),
        ("Does it cure depression, and why?", False),
        ("Is it true that it cures depression, or is that hype?", False),
        ("It cures depression, right?", False),  # a tag question asks it all
    ],
)
def test_a_question_tacked_on_a_statement_leaves_the_statement_a_claim(lint, text, flagged):
    assert bool(lint(text + "\n")) is flagged


def test_a_column_of_claims_in_a_table_is_examined_not_asserted(lint):
    table = '| What the ads say | What we found |\n|---|---|\n| "It cures depression" | No trial shows that |\n'
    assert lint(table) == []
    table = "| Treatment | What it does |\n|---|---|\n| Our infusions | It cures depression |\n"
    assert [f.rule for f in lint(table)] == ["test/cure"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Does it cure depression? Yep, and here's why.", True),  # answered yes: claimed
        ("Does it cure depression? With daily use, yes, for good.", True),
        ("Does it cure depression? Yes, but only for some people.", False),  # a qualified answer
        ("Does it cure depression? No.", False),
        ("Does it cure depression?\nAbsolutely.", False),  # the answer on its own line makes its own claim
    ],
)
def test_a_question_answered_yes_on_its_line_makes_the_claim(lint, text, flagged):
    assert bool(lint(text + "\n")) is flagged


def test_a_claim_the_reader_will_see_elsewhere_is_quoted_to_be_denied(builtin_rules):
    seen = "You'll sometimes see claims like \"it's plant-based, so it's totally safe for babies.\""
    assert "minimized-risk" not in _categories(builtin_rules, seen + " We don't agree.\n")
    assert "minimized-risk" in _categories(builtin_rules, seen + " Sure.\n")


def test_a_verb_whose_object_is_nothing_is_denied(builtin_rules):
    denied = "Cooling gels ease the itch for a few hours; they cure nothing.\n"
    assert "overstated-efficacy" not in _categories(builtin_rules, denied)
    # "nothing" that is not the verb's whole object leaves the claim standing
    assert "overstated-efficacy" in _categories(builtin_rules, "It cures acne and fixes nothing else.\n")
    assert "overstated-efficacy" in _categories(builtin_rules, "Our balm cures eczema; nothing else comes close.\n")


def test_a_column_of_claims_is_found_by_its_header_even_after_an_empty_corner_cell(lint):
    table = '| | What the ads say | What we found |\n|---|---|---|\n| Claim | "It cures depression" | No trial |\n'
    assert lint(table) == []


def test_a_ratio_colon_does_not_end_a_negation(builtin_rules):
    ratio = "There is no evidence that a 40:1 blend works better than myo-inositol.\n"
    assert "unsupported-comparison" not in _categories(builtin_rules, ratio)
    colon = "Our blend is not a placebo: it works better than anything.\n"
    assert "unsupported-comparison" in _categories(builtin_rules, colon)


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Honestly, it has literally no side effects.\n", "no side effects"),
        ("It is truly, genuinely completely safe.\n", "completely safe"),
        ("Completely honest, safe advice.\n", None),
        ("It is completely literally safe.\n", "completely literally safe"),
        ("It is seriously completely safe.\n", "completely safe"),
    ],
)
def test_emphasis_words_do_not_hide_a_claim_and_positions_stay_in_the_source(lint, text, excerpt):
    found = lint(text)
    assert [f.excerpt for f in found] == ([excerpt] if excerpt else [])
    for f in found:
        assert text[f.column - 1 : f.end_column - 1] == f.excerpt


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a study cited by author, journal and year in the row's first cell
        (
            "| Study | Result |\n|---|---|\n| Rugo et al., *JAMA* 2017 | About 66% lost half their hair or less |",
            "overstated-efficacy",
        ),
        # a warning about what others sell
        ("Be cautious with any product that guarantees results.", "overstated-efficacy"),
        ("Be wary of any clinic that promises a cure for tinnitus.", "overstated-efficacy"),
        # a multiple that states a risk, not a benefit
        ("Smokers are 3 times more likely than non-smokers to get gum disease.", "unsupported-comparison"),
        # the survey and its size told in the sentence before
        (
            "We asked 212 people who bought it to rate it after two weeks. 74% said it was comfortable.",
            "overstated-efficacy",
        ),
        # the people counted before the survey is named, or the survey and its size in a parenthesis after the figure
        (
            "Of the 388 parents who answered our 6-week follow-up survey, 81% said feeding pain had eased.",
            "overstated-efficacy",
        ),
        (
            "Among buyers who finished the kit, 87% said they were satisfied (our 2024 survey, 2,318 respondents).",
            "overstated-efficacy",
        ),
        # a society or public body named by its initials in parentheses
        ("Studies show that fertility returns soon after the implant comes out (ACOG).", "overstated-efficacy"),
        (
            "Trials show the shot lowers the chance of a bad flu season in older adults (per the AAFP).",
            "overstated-efficacy",
        ),
        # a study in a named journal, undated
        (
            "Most people get better with home care: a review in *American Family Physician* reports that about 80%"
            " improve within a year.",
            "overstated-efficacy",
        ),
        # a cure rate from a cited review
        (
            "In a 2019 Cochrane review, about half of the women who trained reported being cured, against 6% of"
            " untreated women.",
            "overstated-efficacy",
        ),
    ],
)
def test_cited_or_warned_figures_are_not_claims(builtin_rules, text, category):
    assert category not in _categories(builtin_rules, text + "\n")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("| Study | Result |\n|---|---|\n| Our members | About 66% lost half their weight |", "overstated-efficacy"),
        ("Our product guarantees results.", "overstated-efficacy"),
        ("Members lose 3x more weight than people dieting on their own.", "unsupported-comparison"),
        ("We asked 212 buyers.\n\n74% said it was comfortable.", "overstated-efficacy"),
        ("Among buyers who finished the kit, 87% said they were satisfied.", "overstated-efficacy"),
        ("Studies show that fertility returns soon after the implant comes out.", "overstated-efficacy"),
        (
            "Most people get better with home care: a study in Sweden reports that about 80% improve within a year.",
            "overstated-efficacy",
        ),
        ("About half of the women who trained were cured.", "overstated-efficacy"),
    ],
)
def test_the_same_figures_uncited_or_claimed_are_found(builtin_rules, text, category):
    assert category in _categories(builtin_rules, text + "\n")


@pytest.mark.parametrize(
    "text",
    [
        "*These are individual experiences. Most customers notice softer hair; growth is not a result to expect.*",
        "Results vary. In our wear study, two in three testers felt better, and one in three noticed no change.",
        "Results vary. Most members tell us they feel steadier, but we can't say a vest changed anyone's bone density.",
        # the story set above the usual, then what the rest get, with its limit
        "Dana's result is on the higher end. Across our clinic, most patients lose 15% to 25% of their starting weight"
        " in the first year, and what happens after that depends on follow-up.",
        "His experience is encouraging but not typical. Most of our patients see noticeable fading after 10 to 14"
        " weeks of daily sunscreen and cream, usually partial rather than complete.",
    ],
)
def test_what_most_people_get_told_after_a_disclaimer_with_its_limit_is_no_claim(builtin_rules, text):
    assert "overstated-efficacy" not in _categories(builtin_rules, text + "\n")


def test_a_story_called_one_of_the_best_outcomes_beside_what_most_get_needs_no_disclosure(builtin_rules):
    text = (
        '> "My skin is completely clear now." (Ana, 31)\n\n'
        "Ana's result is one of the best outcomes we see. Most patients improve only partly, and few clear fully.\n"
    )
    assert _categories(builtin_rules, text) == set()
    # the same story with nothing said of what others get is still flagged
    alone = '> "My skin is completely clear now." (Ana, 31)\n\nAna\'s result is one of the best outcomes we see.\n'
    assert {"overstated-efficacy", "missing-disclosure"} <= _categories(builtin_rules, alone)


@pytest.mark.parametrize(
    "text",
    [
        "Results may vary. Most members lose 15 pounds in the first month!",
        # the disclaimer in another paragraph
        "These are individual experiences.\n\nMost customers notice softer hair; growth is not typical.",
        "Individual results vary. 94% of users saw thicker hair in 30 days.",
        # a story called above average does not excuse a claim with no limit
        "Dana's result is on the higher end. Most patients lose 40 pounds in three months!",
    ],
)
def test_a_claim_after_a_disclaimer_without_its_limit_is_found(builtin_rules, text):
    assert "overstated-efficacy" in _categories(builtin_rules, text + "\n")


@pytest.mark.parametrize(
    "limit",
    [
        "So far, however, studies have not shown less pain or longer-lasting knees.",
        "The trials were small and short.",
        "Other trials found no benefit over physical therapy.",
    ],
)
def test_an_appeal_to_studies_followed_by_their_limit_is_balanced(builtin_rules, limit):
    claim = "Studies show the robotic arm places implants closer to the plan."
    fired = {f.rule for f in lint_text(f"{claim} {limit}\n", builtin_rules, "d.md")}
    assert "efficacy/studies-show" not in fired
    bare = {f.rule for f in lint_text(f"{claim} Book your consult today.\n", builtin_rules, "d.md")}
    assert "efficacy/studies-show" in bare


def test_harms_found_elsewhere_are_no_limit_of_the_evidence(builtin_rules):
    text = "Studies show the cream clears skin in a week. Other trials found no side effects at all.\n"
    assert "efficacy/studies-show" in {f.rule for f in lint_text(text, builtin_rules, "d.md")}
