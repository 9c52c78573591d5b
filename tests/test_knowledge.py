"""Knowledge-based checks: product–condition claims, disclosures, approval, labels, guidelines."""

from __future__ import annotations

import json

import pytest

from claimlint.cli import run
from claimlint.document import parse
from claimlint.runner import lint_text
from claimlint.source import Source
from claimlint.view import DocumentView
from conftest import write_pack


def uses(builtin_rules, text):
    view = DocumentView(parse(Source.from_text(text, "d.md")), builtin_rules.knowledge, {})
    return [(c.product.id, c.condition.id if c.condition else None, c.use) for c in view.claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ketamine for depression.", ("ketamine", "depression", "off-label")),
        ("A minoxidil pill for hair loss.", ("oral-minoxidil", "hair-loss", "off-label")),
        ("Ketamine treats depression.", ("ketamine", "depression", "off-label")),
        ("IV ketamine helps ease migraines.", ("ketamine", "migraine", "off-label")),
        ("PTSD patients on ketamine report relief.", ("ketamine", "ptsd", "off-label")),
        ("# Ketamine Infusions for PTSD", ("ketamine", "ptsd", "off-label")),
        ("Spravato for treatment-resistant depression.", ("esketamine", "treatment-resistant-depression", "approved")),
        ("Spravato for depression.", ("esketamine", "depression", "approved")),
        ("Ozempic for weight loss.", ("ozempic", "weight-management", "off-label")),
        ("Wegovy for weight loss.", ("wegovy", "weight-management", "approved")),
        ("Semaglutide for weight loss.", ("semaglutide", "weight-management", "approved")),
        ("Mounjaro for weight loss.", ("mounjaro", "weight-management", "off-label")),
        ("Zepbound for obstructive sleep apnea.", ("zepbound", "obstructive-sleep-apnea", "approved")),
        ("Compounded semaglutide for weight loss.", ("compounded-semaglutide", "weight-management", "unapproved")),
        ("Our compounded tirzepatide shots melt fat.", ("compounded-tirzepatide", None, "unapproved")),
        ("Compounded Zepbound for weight loss.", ("compounded-tirzepatide", "weight-management", "unapproved")),
        ("Start compounded ketamine for PTSD.", ("ketamine", "ptsd", "compounded")),
        ("Ketamine is not recommended for cancer pain.", ("ketamine", "cancer-pain", "not-promoted")),
        ("Ketamine troches for anxiety.", ("ketamine", "anxiety", "compounded")),
        ("LDN for fibromyalgia.", ("low-dose-naltrexone", "fibromyalgia", "unapproved")),
        ("CBD gummies for anxiety.", ("cbd", "anxiety", "unapproved")),
        ("Epidiolex for Dravet syndrome.", ("epidiolex", "dravet-syndrome", "approved")),
        ("Oral minoxidil for hair loss.", ("oral-minoxidil", "hair-loss", "off-label")),
        ("Rogaine foam for hair loss.", ("topical-minoxidil", "hair-loss", "approved")),
        ("Propecia can cause erectile dysfunction.", ("propecia", "erectile-dysfunction", "harm")),
        ("Botox for crow's feet and frown lines.", ("botox", "facial-lines", "approved")),
        ("Botox smooths wrinkles.", ("botox", "photodamage", "approved")),
        ("Masseter Botox for jaw slimming.", ("botox", "masseter-reduction", "off-label")),
        ("Dysport for TMJ.", ("dysport", "tmj-disorder", "off-label")),
    ],
)
def test_product_condition_claims(builtin_rules, text, expected):
    assert expected in uses(builtin_rules, text)


def rules_fired(builtin_rules, text):
    return {f.rule for f in lint_text(text + "\n", builtin_rules, "d.md")}


OFF_LABEL = ("disclosure/off-label", "We offer ketamine for depression.")
NOT_APPROVED = ("disclosure/not-fda-approved", "Ask us about LDN.")


@pytest.mark.parametrize(
    ("rule", "draft", "disclosure"),
    [
        (*OFF_LABEL, "Using ketamine for depression is off-label."),
        (*OFF_LABEL, "Ketamine is used off-label for depression."),
        (*OFF_LABEL, "This use is not FDA-approved."),
        (*OFF_LABEL, "The FDA has not approved ketamine for depression."),
        (*OFF_LABEL, "Ketamine is not approved by the FDA for depression."),
        (*OFF_LABEL, "Ketamine has not been approved for treating depression."),
        (*OFF_LABEL, "Doctors prescribe it for depression outside its approved uses."),
        (*OFF_LABEL, "Depression is an unlabeled use of ketamine."),
        (*OFF_LABEL, "For depression, ketamine has no FDA approval."),
        (*NOT_APPROVED, "No LDN product has FDA approval."),
        (*NOT_APPROVED, "LDN lacks FDA approval for any use."),
        (*NOT_APPROVED, "No low-dose naltrexone product has been approved."),
        (*NOT_APPROVED, "LDN is not FDA-approved."),
        (*OFF_LABEL, "Anesthesia remains its only labeled use."),
        (*OFF_LABEL, "Depression is not on its label."),
        (*OFF_LABEL, "The psychiatric use of ketamine falls outside its approved labeling."),
        (*NOT_APPROVED, "No low-dose version has ever been through FDA review."),
        (*NOT_APPROVED, "No LDN drug for pain or fatigue has ever been approved by the FDA."),
        (*NOT_APPROVED, "The FDA does not review or approve compounded drugs like LDN."),
        (*NOT_APPROVED, "Neither the FDA nor the EMA has approved it for any condition."),
        (*OFF_LABEL, "Ketamine is approved only for anesthesia."),
        (*OFF_LABEL, "Ketamine is approved as an anesthetic, not for depression."),
        (*OFF_LABEL, "Its approval covers anesthesia alone."),
    ],
)
def test_honest_ways_to_disclose(builtin_rules, rule, draft, disclosure):
    """An off-label use or an unapproved product, disclosed in the many ways writers word it."""
    assert rule in rules_fired(builtin_rules, draft)
    assert rule not in rules_fired(builtin_rules, f"{draft} {disclosure}")


@pytest.mark.parametrize(
    "not_a_disclosure",
    [
        "Is ketamine FDA-approved for depression?",
        "Is this use off-label?",
        "This is not an off-label use.",
        "Call us today.",
    ],
)
def test_questions_and_negations_are_not_disclosures(builtin_rules, not_a_disclosure):
    fired = rules_fired(builtin_rules, f"We offer ketamine for depression. {not_a_disclosure}")
    assert "disclosure/off-label" in fired


@pytest.mark.parametrize(
    ("text", "off_label"),
    [
        # a condition of the people taking the product
        ("Sildenafil is a safe choice for men with diabetes who have erectile dysfunction.", False),
        ("Finasteride users with depression should talk to their doctor.", False),
        ("Ketamine for people with depression.", True),
        ("Semaglutide is approved for obesity and also prescribed for patients with depression.", True),
        ("Sildenafil helps men with erectile dysfunction and also patients with depression.", True),
        # a harm told with a verb
        ("Finasteride has been linked to depression and suicidal thoughts.", False),
        ("The label notes reports of erectile dysfunction that continued after men stopped finasteride.", False),
        ("Some men report depression while taking finasteride.", False),
        ("Depression is a rare side effect of finasteride.", False),
        ("Ketamine for depression has been linked to fast relief in trials.", True),
        ("Our clients report less depression after starting ketamine.", True),
        ("Ketamine is associated with rapid improvement in depression.", True),
        ("Depression and suicidal thoughts have been reported in men taking finasteride.", False),
        # a condition in another clause, which names a product of its own
        (
            "Sildenafil (Viagra) treats erectile dysfunction; as Revatio, it treats pulmonary arterial hypertension.",
            False,
        ),
        ("Ketamine and esketamine for depression.", True),
        # a condition in a body's name, and a use reported as failing in trials
        ("The National Comprehensive Cancer Network guidelines discuss ketamine.", False),
        ("Ketamine for cancer pain is offered at our Comprehensive Cancer Center.", True),
        ("Trials of ketamine with opioids in cancer pain have been consistently negative.", False),
        ("Trials of ketamine in cancer pain have been encouraging.", True),
    ],
)
def test_a_condition_beside_a_product_is_not_always_its_use(builtin_rules, text, off_label):
    assert ("disclosure/off-label" in rules_fired(builtin_rules, text)) is off_label


def test_off_label_finding_is_reported_once_at_the_first_mention(builtin_rules):
    text = "# Clinic\n\nKetamine for PTSD.\n\nKetamine for depression.\n"
    findings = [f for f in lint_text(text, builtin_rules, "d.md") if f.rule == "disclosure/off-label"]
    assert [(f.line, f.message) for f in findings] == [
        (3, "Off-label use without a disclosure: ketamine for PTSD (ketamine is not FDA-approved for this use)")
    ]
    assert findings[0].fix is not None and not findings[0].fix.safe
    assert findings[0].fix.edits[0].text == " Ketamine is not FDA-approved for PTSD; this use is off-label."


@pytest.mark.parametrize(
    ("mention", "verb"),
    [("Ketamine infusions", "are"), ("Esketamine nasal spray", "is"), ("Ketamine", "is")],
)
def test_disclosure_wording_agrees_with_the_product_mention(builtin_rules, mention, verb):
    text = f"{mention} for PTSD.\n"
    [finding] = [f for f in lint_text(text, builtin_rules, "d.md") if f.rule == "disclosure/off-label"]
    in_running_text = mention[0].lower() + mention[1:]  # a generic name opening the draft's sentence
    assert f"({in_running_text} {verb} not FDA-approved for this use)" in finding.message
    assert finding.fix.edits[0].text == f" {mention} {verb} not FDA-approved for PTSD; this use is off-label."


def test_a_brand_keeps_its_capital_in_messages(builtin_rules):
    [finding] = [
        f for f in lint_text("Spravato for PTSD.\n", builtin_rules, "d.md") if f.rule == "disclosure/off-label"
    ]
    assert "(Spravato is not FDA-approved for this use)" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Spravato is FDA-approved for treatment-resistant depression.",
        "Zepbound is approved for obstructive sleep apnea with obesity.",
        "Epidiolex is FDA-approved for seizures in Dravet syndrome.",
        "Ketamine is not recommended for routine use in cancer pain.",
        "Wegovy is FDA-approved for chronic weight management.",
        "Spravato is given only in a certified clinic and is never dispensed for use at home.",
        "Plan a ride: you should not drive yourself home after a ketamine infusion.",
        "Tell your doctor you take finasteride, because it lowers PSA test results by about half.",
        "- **Spravato at home:** we cannot authorize it, because the REMS does not allow home use.",
        "Spravato is approved. It's the only ketamine-type product with an FDA approval for depression.",
        "Which treatments are FDA-approved, and what the evidence shows about ketamine for depression.",
        "Ivermectin is approved for river blindness and head lice; it is not approved for COVID-19.",
        "Succimer (Chemet) treats lead poisoning in children.",
        "Hydroxychloroquine is FDA-approved for lupus and rheumatoid arthritis; it is not approved for COVID-19.",
        "Varenicline (Chantix) is FDA-approved to help adults with quitting smoking.",
        "Botox Cosmetic is FDA-approved for frown lines, crow's feet and forehead lines.",
        "No, Botox isn't addictive: there's no physical dependence and no withdrawal.",
    ],
)
def test_true_statements_pass(builtin_rules, text):
    fired = rules_fired(builtin_rules, text)
    assert not {r for r in fired if r.startswith(("conflict/", "disclosure/", "efficacy/"))}, fired


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Our compounded semaglutide is FDA-approved.", "conflict/approval-claim"),
        ("Ketamine is FDA-approved for depression.", "conflict/approval-claim"),
        ("Psilocybin therapy is FDA approved.", "conflict/approval-claim"),
        ("Mounjaro is FDA-approved for weight loss.", "conflict/approval-claim"),
        ("CBD is FDA-approved for anxiety.", "conflict/approval-claim"),
        ("Get Spravato delivered to your door and use it at home.", "conflict/label-restriction"),
        ("Same active ingredient as Ozempic, at a fraction of the price.", "conflict/sameness-claim"),
        ("Ketamine is a first-line treatment for migraine.", "conflict/guideline-position"),
        ("Ketamine is the standard of care for cancer pain.", "conflict/guideline-position"),
        ("After your ketamine infusion you can drive yourself home.", "conflict/label-restriction"),
        ("Finasteride doesn't affect any blood tests.", "conflict/label-restriction"),
        ("Ivermectin stops cold and flu viruses in their tracks.", "disclosure/off-label"),
        ("Methylene blue clears brain fog in two minutes a day.", "disclosure/off-label"),
        ("Our kit's DMSA capsules pull metals out for a heavy metal detox.", "disclosure/off-label"),
        ("Colloidal silver is FDA-approved for over-the-counter sale.", "conflict/approval-claim"),
        ("Armour Thyroid cleared FDA approval decades ago.", "conflict/approval-claim"),
        ("Our doctors prescribe natural desiccated thyroid for hypothyroidism.", "disclosure/not-fda-approved"),
        ("Laetrile infusions target the tumor and spare healthy cells.", "disclosure/not-fda-approved"),
        ("High-dose IV vitamin C seeks out cancer cells.", "disclosure/off-label"),
        ("Start hydroxychloroquine at the first sign of COVID-19.", "disclosure/off-label"),
        ("Sermorelin is FDA-approved too, and it's the gentler option.", "conflict/approval-claim"),
        ("Our ipamorelin blend is FDA-approved.", "conflict/approval-claim"),
        ("Somatropin is FDA-approved, so it's a proven anti-aging therapy.", "conflict/approval-claim"),
    ],
)
def test_conflicts_are_flagged(builtin_rules, text, rule):
    assert rule in rules_fired(builtin_rules, text)


def test_a_first_line_claim_the_knowledge_base_knows_is_reported_once_with_its_guideline(builtin_rules):
    known = rules_fired(builtin_rules, "Ketamine is now the first-line treatment for migraine.")
    assert "conflict/guideline-position" in known
    assert "conflict/first-line-claim" not in known
    unknown = rules_fired(builtin_rules, "Cupping is now the first-line treatment for migraine.")
    assert "conflict/first-line-claim" in unknown


def test_a_sentence_that_states_the_limit_does_not_contradict_it(builtin_rules):
    stated = (
        "FDA has not established that testosterone therapy is safe or effective for men whose low testosterone"
        " comes from aging alone."
    )
    assert "conflict/label-restriction" not in rules_fired(builtin_rules, stated)
    assert "conflict/label-restriction" in rules_fired(builtin_rules, "Testosterone for men over 40 who feel tired.")


def test_guideline_finding_quotes_the_position_and_its_source(builtin_rules):
    [finding] = [
        f
        for f in lint_text("Ketamine is a first-line treatment for migraine.\n", builtin_rules, "d.md")
        if f.rule == "conflict/guideline-position"
    ]
    assert finding.excerpt == "first-line"
    assert "American Headache Society" in finding.message
    assert "ketamine" in finding.suggestion.lower() and "first-line" in finding.suggestion.lower()


TESTIMONIAL = '> "I lost 40 pounds in three months." — Ana, 44'


def test_unapproved_product_and_testimonial_disclosures(builtin_rules):
    assert "disclosure/not-fda-approved" in rules_fired(builtin_rules, "Try compounded semaglutide today.")
    assert "disclosure/not-fda-approved" not in rules_fired(
        builtin_rules, "Try compounded semaglutide. Compounded semaglutide is not FDA-approved."
    )
    assert "disclosure/testimonial" in rules_fired(builtin_rules, TESTIMONIAL)
    signed = '"Twelve years of migraine, gone after my third infusion." (Priya, patient since 2022)'
    assert "disclosure/testimonial" in rules_fired(builtin_rules, signed)
    side_effect = TESTIMONIAL + "\n\nAny dizziness is mild and usually over within the hour."
    assert "disclosure/testimonial" in rules_fired(builtin_rules, side_effect)


@pytest.mark.parametrize(
    "typical",
    [
        "In the trial, participants lost an average of 15% of body weight over 68 weeks [1].",
        "In a randomized trial of 1,961 adults, people lost 15% of their weight (Wilding et al., 2021).",
        "Results vary: in the trials, most men kept their hair and about two thirds regrew some.",
        "Most customers describe a mild, subtle effect, and some notice no difference at all.",
        "Many people improve, some get a partial response, and some need a different treatment.",
        "Her result is her own: many women improve on it, but not all do.",
        "The section above describes what members generally experience.",
        "In the published trials, average improvements in stress scores were modest.",
        "Reviews describe individual experiences; some people noticed no difference from placebo.",
        "Her result is her own: she did better than most.",
        "That's close to the average for the top dose in the trial, 20.9% over 72 weeks.",
        "Most patients lose between 5% and 15% of their starting weight.",
        "About 1 in 3 people lose 20% or more; many lose less.",
        "Expect something closer to one to two pounds a week.",
        "Not everyone's path looks like theirs: 58% of people who start with us are still enrolled at six months.",
        "## What results most patients get\n\n- Regrowth shows in about 4 of 10 men by month six.",
        "What's typical: in trials it helps some people, not all, and many notice little or no lasting change.",
        "Typical results: in the elbow trial about 7 in 10 people improved meaningfully by a year.",
        "That's a common experience, but for most guests the effects are short-lived.",
        "Typical results: in the trial described above, symptom scores on average were the same on both.",
        "Typically, people pass fragments over a few weeks, and some need a second session.",
        "These are individual stories, not what everyone goes through: withdrawal usually means several rough days.",
        "Her experience is her own. In trials, many people see only partial relief or none.",
        "Individual results vary. Most of our implant patients finish in three to six months.",
        "These are individual experiences. In our 2024 survey (412 responses), 71% use the mat most nights.",
        "These are individual experiences, and most describe small or no noticeable changes in how they feel.",
        "Results vary; see the outcome figures above for what's typical.",
        "That is one person's story. In ESCAPE-TRD, about 1 in 4 people reached remission by week 8.",
        "In our 2024 customer survey (612 men), 34% said energy was better, 58% said it was about the same.",
        "Typical experience: many clients enjoy the session and some feel nothing in particular.",
        "Her story is her own. The spray works only on opioids and doesn't succeed every time.",
        "These quotes describe members' experiences with our service, not medical results.",
        "Her outcome is one story. For patients aged 38-40 here, about 29% of retrievals led to a live birth.",
        "In our 2024 subscriber survey (308 responses), 38% of parents noticed some difference and 62% noticed none.",
        "Results vary with fit and flow; in our 2024 wear test, about 1 in 6 testers had a leak on a heavy day.",
        "Results vary. Swelling goes down slowly, and some patients see only a small change.",
        "These families' reasons are their own. Most stored units are never used.",
        "Not everyone's looks like that. Of the 186 patients we tracked, 61% improved; the rest did less well.",
        "Individual experiences. In an office survey of 214 patients, 68% said comfort was better, 25% about the same.",
        "Priya's experience is her own. In 2024, our patients under 35 froze a median of 11 eggs per cycle.",
        "A typical single-implant patient has 2 to 4 days of swelling and gets the final crown 3 to 6 months later.",
        "Experiences vary. In trials, medicine typically reduced symptoms a moderate amount; some saw little change.",
        "Not a promise: in our 2024 chart review, half reported a 30% drop in pain; the rest saw a smaller change.",
        "Many people who have wax removed in the office notice a difference that day, but not everyone does.",
        "Her timeline is fairly typical for our heel-pain patients, but some improve faster and some need more care.",
        "That's one patient's story. Most patients don't see a change in a diagnosed condition from this alone.",
        "Recovery varies: most men are back at desk work in 1 to 3 days.",
        "Dana's experience is fairly typical: most of our patients have a normal scan.",
        "This quote describes one visit and is not a promise of any particular outcome.",
        "Dana felt much better at 6 months, like 58% of those who answered. About 1 in 5 felt no change.",
        "Individual experiences from our wear test. About 4 in 10 testers reported less fatigue; most noticed little.",
        "Results vary: roughly a third of people who finish the course are still smoke-free at six months.",
        "Individual results vary. In our 6-week home-use panel of 48 adults, 30 said the redness looked calmer.",
        "Individual results vary. Cooling gels ease the itch for a few hours in many people; they cure nothing.",
        "One parent's experience. The mist may make feeds easier; it has not been shown to prevent ear infections.",
        "These are individual experiences. Any change in your readings comes from your care plan, not from the cuff.",
        "Reviews are about style, fit and craftsmanship, and none of them is evidence about health.",
        "Reviews describe individual experiences. A sunscreen can't prevent every sunburn; how much you apply matters.",
        "These reviews are individual experiences. How well any sunscreen works for you depends on how you apply it.",
        "One patient's experience. Results vary: even with a careful plan, some travelers still develop symptoms.",
        "Results vary. In our photo review, the most common result after four sessions was mild improvement.",
        "In our 2024 in-use test, 79% of 62 adults said their lips felt less dry. Results vary.",
        "Reviews reflect individual families. In our 2025 survey of 1,204 customers, 88% said changes were easier.",
        "These are individual experiences. Many children with a stomach bug recover at home; some need IV fluids.",
        "Individual experience; results vary. Buyers tell us mainly about softer heels and fewer cracks.",
        "Reviews describe individual experiences. This cream does not treat psoriasis; it only softens scale.",
        "Individual experiences, not typical results. Most buyers should not expect fewer headaches from it.",
        "Reviews reflect individual experiences. Typically, skin feels softer, but flares are not expected to change.",
        "Helen's experience is her own. Don't expect a supplement to sharpen your eyesight; at best, loss slows.",
        "That is one reader's experience, and the trial above found no difference in sleep quality.",
        "Your experience may differ. We don't claim our honey prevents or treats any illness.",
        "Linda's experience is her own. Side effects differ, and some people feel worse than she did.",
        "Individual experience. Results vary with the cause; some patients need more than one course.",
        "Everyone's experience is different. Some people have the IUD removed because of side effects.",
        # the share told further on in the disclaimer's paragraph, or mid-clause
        "Individual experiences. Dana had mild crowding. Plans run 4 to 14 months, and about 1 in 4 need a second set.",
        "These are individual stories. Results vary, and on average the decline goes on, only more slowly.",
        "Individual experiences; wait times vary. Its proven benefit is fewer hospital stays. It has not been shown to"
        " reliably speed recovery.",
    ],
)
def test_a_statement_of_typical_results_answers_a_testimonial(builtin_rules, typical):
    assert "disclosure/testimonial" not in rules_fired(builtin_rules, f"{TESTIMONIAL}\n\n{typical}")


@pytest.mark.parametrize(
    "not_typical",
    [
        "Most members are down 15 pounds by the end of month one.",  # itself an unsupported claim
        "Results vary. Our balm does not just treat the itch; it heals the skin barrier for good.",
        "SlimPath patients lose an average of 22% of their body weight.",
        "A clinician reviews every intake, usually within 24 hours.",  # "usually", but not about results
        "A typical first series is six infusions over two to three weeks.",
        "In the original trials, fewer than 2% of men reported decreased libido.",  # harms, not results
        "## What to expect\n\n- Your first visit takes 45 minutes.",  # a heading over no results
        "Individual results vary. Most members lose 20 pounds in the first month.",  # the share is itself a claim
        "Individual results vary. Book your free consultation today.",  # a disclaimer alone
        "Results vary; we ship in two days.",  # a clause after the disclaimer that tells nothing typical
        "Recovery varies: book a Saturday slot today.",
        "Results vary. Keto has not been shown to beat our program.",  # a denial that is not about its results
        "Results vary. It has been shown to reduce weight.",
        "Most members are down 20 pounds in month one. Results vary.",  # the share before the disclaimer is a claim
        "From our 2024 client survey: 9 out of 10 cut their symptom scores in half.",  # only the best share
        "The typical person who walks through our door has tried four medicines.",  # who comes in, not what they get
        "Calm Reset brings blood pressure down an average of 11 points.",  # an average that is itself the claim
        "Results vary. Customers mostly tell us it cured their sciatica.",  # what they mostly report is itself a claim
        "Some people feel worse before they feel better.",  # no disclaimer: the story's limit is not set
        "Everyone's experience is different, so book a consult today.",  # a disclaimer alone
        "Results vary. Dana was thrilled. The most common question we get is about price.",  # a superlative, no share
        "Results vary. How much you get depends on how many sessions you book.",  # "many" before no people
    ],
)
def test_a_figure_that_is_not_about_typical_results_leaves_the_testimonial_flagged(builtin_rules, not_typical):
    assert "disclosure/testimonial" in rules_fired(builtin_rules, f"{TESTIMONIAL}\n\n{not_typical}")


@pytest.mark.parametrize(
    "signed",
    [
        '- "Down 41 lbs in 10 weeks and never hungry once!" (Brianna, 34)',
        '★★★★★ "Like being 22 again. My girlfriend noticed night one." (Derek, 51, Tampa)',
        '"At 61 I ran my first half marathon." – Greg T., retired airline captain',
        'Slide 1: "I haven\'t felt this light in ten years." — J., client since 2023',
        'Jenna, 34: "Off my anxiety meds in 6 weeks and I have never felt calmer."',
        'JESS (34, Tampa, real member): "I was down forty-one pounds in ten weeks."',
        '- "Six years of flares and I finally made it through a summer without one." – Priya, 41, Hashimoto\'s',
        '**Marisol T. ★★★★★** "My daughter went from 30 seizures a week to two."',
        '💬 "Ibogaine in March, two years clean now." — Marcus R., Phoenix',
        '"Norwood 5 to a full hairline in two months. Absolute game changer!!" (Marcus T., verified purchase)',
        '- Card A: "First full night\'s sleep in nine years." (Rosa, 57, Duluth)',
        '> "Two failed rounds, then we got our positive test the first month on it!" — @hopeful.hanna',
        '> "Four weeks on the tea and my colitis went quiet." ⭐⭐⭐⭐⭐ Lena P., Columbus, OH',
        '> "His glasses prescription climbed every year. Since the lenses it hasn\'t budged." — Tara S., mom of two',
    ],
)
def test_signed_quotations_are_testimonials(builtin_rules, signed):
    assert "disclosure/testimonial" in rules_fired(builtin_rules, signed)


@pytest.mark.parametrize(
    ("limited", "unlimited"),
    [
        (
            "> \"My son asks for the blue one every night. It hasn't made his colds any shorter, but bedtime is"
            ' calmer." — Ana, mom of a 5-year-old',
            '> "My son asks for the blue one every night, and bedtime is calmer." — Ana, mom of a 5-year-old',
        ),
        (
            '> "I took the pills my doctor prescribed and climbed slower. I still felt sluggish at high camp, but I'
            ' made the summit." — Lou T., member since 2019',
            '> "I took the pills my doctor prescribed and climbed slower, and I made the summit." — Lou T., member'
            " since 2019",
        ),
    ],
)
def test_a_testimonial_that_tells_its_own_limit_needs_no_typical_results(builtin_rules, limited, unlimited):
    assert "disclosure/testimonial" not in rules_fired(builtin_rules, limited)
    assert "disclosure/testimonial" in rules_fired(builtin_rules, unlimited)


def test_quotations_signed_one_per_line_in_a_paragraph_are_each_found(builtin_rules):
    cards = (
        "Card 1: Before and after photos of one patient, six weeks apart.\n"
        'Card 2: "Tossed my support socks the same week." —Linda M., Scottsdale\n'
        'Card 3: "Not one bruise." —Ray T.\n'
        "Card 4: Book your free screening today."
    )
    found = [f for f in lint_text(cards, builtin_rules, "ads.md") if f.rule == "disclosure/testimonial"]
    assert [f.line for f in found] == [2]


def test_a_signed_quotation_without_a_first_person_word_is_read_whole(builtin_rules):
    page = (
        "## From the group\n\n"
        '> "came in on 80mg of methadone, left clean. 14 months and not even tempted." — Jess, Feb cohort\n'
        '> "the food, the people, the jungle at night." — Priya'
    )
    found = [f for f in lint_text(page, builtin_rules, "post.md") if f.rule == "disclosure/testimonial"]
    assert [f.line for f in found] == [3]


# a result told in the first person is a testimonial; someone's words reported in order to weigh them are not
@pytest.mark.parametrize(
    ("text", "testimonial"),
    [
        ("DOWN 14 LBS IN 3 WEEKS and I haven't felt hungry once.", True),
        ("Then I put this stack together and it cured my fibromyalgia. Not managed. Cured.", True),
        ("Me at 38 vs me at 44: I look years younger now.", True),
        ("Three months on the gummies and I have not had a bad night since.", True),
        ("No exaggeration: I got my forties back.", True),
        ("Week one I was sleeping through the night.", True),
        (
            'A reader wrote: "I get a drip every Friday and haven\'t had a cold in two years." No trial shows that.',
            False,
        ),
        ("My brother-in-law swears it made him feel years younger, but the trials found no such effect.", False),
    ],
)
def test_first_person_results_and_reported_words(builtin_rules, text, testimonial):
    assert ("disclosure/testimonial" in rules_fired(builtin_rules, text)) is testimonial


def test_a_comment_after_a_testimonial_stays_out_of_its_message_and_span(builtin_rules):
    page = '"Five months in and my temples are growing back" — @jay.fades <!-- from the comments -->\n'
    (found,) = [f for f in lint_text(page, builtin_rules, "post.md") if f.rule == "disclosure/testimonial"]
    assert found.message.endswith('growing back" — @jay.fades"')
    assert (found.column, found.end_column) == (2, 62)  # up to "fades", not into the comment


def test_a_rule_match_across_an_html_comment_quotes_only_the_prose(builtin_rules):
    page = "Our serum works better <!-- v2 --> than any cream on the shelf.\n"
    (found,) = [f for f in lint_text(page, builtin_rules, "page.md") if f.rule == "comparison/comparative-claim"]
    assert found.message == 'Comparative claim without support: "better than any"'


def test_a_note_signed_by_the_founder_is_not_a_testimonial(builtin_rules):
    note = '"I opened this shop because I use CBD myself and wanted honest products." — Dana O., founder'
    assert "disclosure/testimonial" not in rules_fired(builtin_rules, note)


TEAM_KNOWLEDGE = """
conditions:
  - id: vestibular-migraine
    names: [vestibular migraine]
    broader: [migraine]
products:
  - id: zenthra
    names: [Zenthra, zenthramab]
    status: approved
    indications: [chronic-migraine]
    restrictions:
      - id: zenthra-clinic-only
        summary: Infused only in an infusion center.
        forbids: [at home, self-inject]
        source: Zenthra prescribing information
    source: Zenthra prescribing information (2026)
guidelines:
  - id: house-zenthra-vestibular
    intervention: zenthra
    condition: vestibular-migraine
    position: weak-or-no-evidence
    body: House Neurology Panel
    year: 2026
    summary: No trial has studied Zenthra in vestibular migraine.
    contradicts: [proven, first-line]
    aligned: Zenthra has not been studied in vestibular migraine.
    source: House Neurology Panel statement (2026)
"""


def test_a_team_adds_its_own_product_condition_and_guideline(tmp_path, capsys):
    write_pack(tmp_path / "kb", TEAM_KNOWLEDGE, "zenthra.yaml")
    draft = tmp_path / "d.md"
    draft.write_text(
        "# Zenthra for vestibular migraine\n\nZenthra is a proven option for vestibular migraine. "
        "You can self-inject Zenthra at home.\n"
    )
    code = run(["--format", "json", "--rules", str(tmp_path / "kb"), str(draft)])
    rules = {(f["line"], f["rule"]) for f in json.loads(capsys.readouterr().out)["findings"]}
    assert code == 1
    assert {(1, "disclosure/off-label"), (3, "conflict/guideline-position"), (3, "conflict/label-restriction")} <= rules
    draft.write_text("Zenthra for chronic migraine is given in an infusion center.\n")
    assert run(["--rules", str(tmp_path / "kb"), str(draft)]) == 0


@pytest.mark.parametrize(
    ("text", "on_line", "message"),
    [
        (
            TEAM_KNOWLEDGE.replace("indications: [chronic-migraine]", "indications: [nowhere]"),
            "- id: zenthra",
            "unknown condition 'nowhere'",
        ),
        (TEAM_KNOWLEDGE.replace("status: approved", "status: maybe"), "status: maybe", "status must be one of"),
        (
            TEAM_KNOWLEDGE.replace("    broader: [migraine]\n", "    broader: [migraine]\n    curable: sometimes\n"),
            "curable: sometimes",
            "'curable' must be true or false",
        ),
        (
            TEAM_KNOWLEDGE.replace("position: weak-or-no-evidence", "position: meh"),
            "position: meh",
            "position must be one of",
        ),
        (
            TEAM_KNOWLEDGE.replace("    names: [Zenthra, zenthramab]\n", "    names: [Zenthra]\n    colour: red\n"),
            "colour: red",
            "unknown key 'colour'",
        ),
    ],
)
def test_broken_knowledge_is_reported_with_file_and_line(tmp_path, capsys, text, on_line, message):
    path = write_pack(tmp_path / "kb", text, "zenthra.yaml")
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if on_line in t)
    assert run(["rules", "--rules", str(path.parent)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:{line}: " in err and message in err


def test_approval_must_be_said_of_the_product_or_use(builtin_rules):
    listing = "Which cannabidiol product is FDA-approved, what studies of CBD for anxiety have found, and the risks."
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, listing)
    assert "conflict/approval-claim" in rules_fired(builtin_rules, "Cannabidiol is FDA-approved for anxiety.")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Ketamine is used for migraines.", ["Ketamine", "migraines"]),
        ("Ketamine's effect on PTSD.", ["Ketamine's", "PTSD"]),
        ("Low-dose naltrexone (LDN) for ME/CFS.", ["Low-dose naltrexone", "LDN", "ME/CFS"]),
        ("Treatment resistant depression and ketamine be damned.", ["Treatment resistant depression", "ketamine"]),
    ],
)
def test_names_are_found_exactly(builtin_rules, text, named):
    kb = builtin_rules.knowledge
    found = [text[m.start : m.end] for m in kb.product_mentions(text) + kb.condition_mentions(text)]
    assert sorted(found) == sorted(named)


def test_a_team_product_joins_the_treatment_vocabulary(tmp_path, capsys):
    write_pack(tmp_path / "kb", TEAM_KNOWLEDGE, "zenthra.yaml")
    draft = tmp_path / "d.md"
    draft.write_text("Zenthra cures chronic migraine.\n")
    run(
        [
            "--format",
            "json",
            "--select",
            "efficacy/cure-claim,efficacy/direct-benefit",
            "--rules",
            str(tmp_path / "kb"),
            str(draft),
        ]
    )
    assert {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]} == {"efficacy/cure-claim"}
    draft.write_text("Zenthra eliminates anxiety.\n")
    run(["--format", "json", "--select", "efficacy/direct-benefit", "--rules", str(tmp_path / "kb"), str(draft)])
    assert [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["efficacy/direct-benefit"]


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Order ketamine troches for anxiety. FDA-approved ketamine, delivered discreetly.", True),
        ("Try compounded semaglutide. Made with FDA-approved ingredients.", True),
        ("We offer ketamine for depression. Ketamine has been FDA-approved for decades.", True),
        ("We offer ketamine for depression. Ketamine is approved by the FDA as an anesthetic.", False),
        ("Try compounded semaglutide. Those trial results came from the FDA-approved product.", False),
        ("Oral minoxidil for hair loss is off-label. Topical minoxidil is FDA-approved for that purpose.", False),
        ("FDA-approved oral minoxidil, now prescribed for hair regrowth.", True),
        ("Oral minoxidil, an FDA-approved pill, is also prescribed for hair loss.", False),
        ("FDA-approved oral minoxidil treats high blood pressure and is also prescribed for hair loss.", False),
        ("Try compounded tirzepatide. Tirzepatide is FDA-approved, so you're getting an FDA-approved shot.", True),
        ("Ketamine has been FDA-approved for decades, so for your chronic pain you get an approved medicine.", True),
        ("Ketamine has been FDA-approved as an anesthetic since 1970; for chronic pain it is used off-label.", False),
        ("Low-dose naltrexone (LDN) eased my fibromyalgia. Naltrexone is an FDA-approved medication.", True),
        ("LDN is not FDA-approved. Naltrexone itself is FDA-approved for alcohol and opioid dependence.", False),
        (
            "We ended compounded tirzepatide. We now prescribe FDA-approved medicines rather than a compounded copy.",
            False,
        ),
        ("Testosterone also helps erectile problems. We prescribe only FDA-approved testosterone.", True),
        (
            "Testosterone gel treats hypogonadism in men. Testosterone also helps erectile problems. "
            "We prescribe only FDA-approved testosterone.",
            False,
        ),
    ],
)
def test_approval_borrowed_for_what_the_draft_promotes(builtin_rules, text, flagged):
    assert ("conflict/approval-claim" in rules_fired(builtin_rules, text)) is flagged


def test_an_approval_that_ended_is_no_approval_claim(builtin_rules):
    history = "Sermorelin was once FDA-approved for children, but that product left the US market in 2008."
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, history)
    assert "conflict/approval-claim" in rules_fired(builtin_rules, "Sermorelin is FDA-approved for children.")


def test_a_word_of_a_stance_outside_a_stance_is_no_conflict(builtin_rules):
    honest = "Ketamine for depression is off-label, and every patient gets that in writing."
    assert "conflict/guideline-position" not in rules_fired(builtin_rules, honest)
    assert "conflict/guideline-position" in rules_fired(builtin_rules, "Ketamine for depression, for every patient.")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("We refer patients to a partner ketamine clinic. Infusions are now first-line for migraine.", True),
        ("We refer patients to a partner ketamine clinic. It's the standard of care for migraine.", True),
        ("We refer patients to a partner ketamine clinic. Triptans are first-line for migraine.", False),
        ("Ketamine helped my husband. My sister has migraine, and triptans are her first-line treatment.", False),
    ],
)
def test_a_stance_with_no_subject_of_its_own_is_said_of_the_product_just_named(builtin_rules, text, flagged):
    assert ("conflict/guideline-position" in rules_fired(builtin_rules, text)) is flagged


def test_first_line_claims_for_unapproved_uses_need_no_guideline_entry(builtin_rules):
    assert "conflict/guideline-position" in rules_fired(
        builtin_rules, "LDN is a first-line treatment for fibromyalgia."
    )
    assert "conflict/guideline-position" not in rules_fired(
        builtin_rules, "LDN is not a first-line treatment for fibromyalgia."
    )
    assert "conflict/guideline-position" not in rules_fired(
        builtin_rules, "Sildenafil is a first-line treatment for erectile dysfunction."
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # the usual first treatments stand for the condition, the product is named in the sentence
        ("Why cycle through triptans for years when one ketamine infusion can break the cycle?", (1, "migraine")),
        # the product comes in the next sentence, the condition from the treatments skipped
        ("Skip the SSRI trial-and-error.\n\nKetamine lozenges ship to your door.", (1, "depression")),
        # the product from the sentence before, the condition the page ties it to
        (
            "# Ketamine for depression\n\nWe offer ketamine for depression, and ketamine for depression only.\n\n"
            "There's no need to cycle through medication after medication first.",
            (5, "depression"),
        ),
    ],
)
def test_waving_off_the_usual_first_treatments_is_a_first_line_stance(builtin_rules, text, where):
    found = [f for f in lint_text(text + "\n", builtin_rules, "d.md") if f.rule == "conflict/guideline-position"]
    assert [(f.line, where[1] in f.message) for f in found] == [(where[0], True)]


@pytest.mark.parametrize(
    "text",
    [
        "If you have cycled through two antidepressants without relief, ask whether esketamine fits.",
        "Don't skip the trial-and-error with triptans before asking about ketamine for migraine.",
        "Finding the right migraine medicine can take some trial and error; ketamine is a specialist's last step.",
        # skipping the usual first treatments for an approved use of an approved drug is no conflict
        "Why cycle through antidepressants for years? Ask whether sertraline suits you.",
    ],
)
def test_the_usual_first_treatments_named_honestly_are_no_stance(builtin_rules, text):
    assert "conflict/guideline-position" not in rules_fired(builtin_rules, text)


def _team_findings(tmp_path, capsys, pack: str, text: str) -> list[dict]:
    """The findings of a one-line draft linted with a team's knowledge pack."""
    write_pack(tmp_path / "kb", pack, "zenthra.yaml")
    draft = tmp_path / "d.md"
    draft.write_text(text + "\n")
    run(["--format", "json", "--rules", str(tmp_path / "kb"), str(draft)])
    return json.loads(capsys.readouterr().out)["findings"]


def _conflicts(findings: list[dict]) -> list[tuple[str, int]]:
    return [(f["rule"], f["column"]) for f in findings if f["category"] == "guideline-conflict"]


def test_a_team_names_the_usual_first_treatments_of_its_condition(tmp_path, capsys):
    pack = TEAM_KNOWLEDGE.replace(
        "    broader: [migraine]", "    broader: [migraine]\n    first_tried: [vestibular rehab]"
    )
    text = "Why cycle through vestibular rehab for months? Zenthra gets you steady again."
    findings = _team_findings(tmp_path, capsys, pack, text)
    assert _conflicts(findings) == [("conflict/guideline-position", 1)]
    assert "House Neurology Panel" in findings[0]["message"]
    # without them, the draft names no condition (the ordeal it sets against the product is still a first-resort claim)
    assert _conflicts(_team_findings(tmp_path, capsys, TEAM_KNOWLEDGE, text)) == [("conflict/first-resort", 1)]


def test_a_guideline_is_contradicted_by_any_unbacked_stance(tmp_path, capsys):
    """An entry lists its own wording; "gold standard" and the like contradict every position."""
    text = "Zenthra is the gold standard for vestibular migraine."
    assert _conflicts(_team_findings(tmp_path, capsys, TEAM_KNOWLEDGE, text)) == [("conflict/guideline-position", 16)]
    text = "Zenthra is not the gold standard for vestibular migraine."
    assert not _conflicts(_team_findings(tmp_path, capsys, TEAM_KNOWLEDGE, text))


def test_an_approval_said_of_the_approved_product_in_a_sentence_about_others_is_no_claim(builtin_rules):
    text = "The only FDA-approved CBD product is Epidiolex, a prescription medicine for seizures in Dravet syndrome."
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, text)
    assert "conflict/approval-claim" in rules_fired(builtin_rules, "Our CBD product is FDA-approved for anxiety.")


def test_approval_goes_with_the_nearest_product(builtin_rules):
    text = (
        "We offer ketamine for depression. It comes as racemic ketamine, given by infusion, "
        "and esketamine, an FDA-approved derivative given as a supervised nasal spray."
    )
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, text)


FINASTERIDE_PAGE = (
    "# Finasteride for thinning hair\n\n"
    "Finasteride 1 mg is approved for male-pattern hair loss. Propecia is its brand name.\n\n"
    "{line}\n"
)


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("Visible results in the mirror within 2 weeks.", True),
        ("Keep your results for life, even if you stop.", True),
        ("You will not see results within 2 weeks; it takes three months or more.", False),
        ("Will I see results within 2 weeks?", False),
        ("Minoxidil foam can show results within 2 weeks for some people.", False),  # names another product
    ],
)
def test_a_sentence_that_names_no_product_speaks_of_the_page_topic(builtin_rules, line, flagged):
    fired = lint_text(FINASTERIDE_PAGE.format(line=line), builtin_rules, "d.md")
    on_line = [f for f in fired if f.rule == "conflict/label-restriction" and f.line == 5]
    assert bool(on_line) is flagged, on_line
    if flagged:
        assert "label of finasteride" in on_line[0].message.lower()


def test_one_passing_mention_makes_no_topic(builtin_rules):
    text = "We mention finasteride once.\n\nVisible results in the mirror within 2 weeks.\n"
    assert "conflict/label-restriction" not in rules_fired(builtin_rules, text)


LDN_PAGE = "# Low-dose naltrexone\n\nLDN is compounded at low doses. Ask us about LDN.\n\n{line}\n"


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("The proven treatment for ME/CFS your doctor hasn't told you about.", True),
        ("Headline: Recommended for all fibromyalgia patients.", True),
        ("Graded exercise was once called the proven treatment for ME/CFS; NICE withdrew it.", False),
        ("Pacing is the standard of care for ME/CFS.", False),
        ("Is it the standard of care for fibromyalgia?", False),
        ("For our fibromyalgia patients, this treatment is the first thing we reach for.", True),
        ("Why cycle through pain pills for years when fibromyalgia can ease on one capsule?", True),
        ("Many of our patients spent years cycling through pain pills for fibromyalgia.", False),
    ],
)
def test_a_stance_with_no_subject_of_its_own_is_said_of_the_page_topic(builtin_rules, line, flagged):
    fired = lint_text(LDN_PAGE.format(line=line), builtin_rules, "d.md")
    on_line = [f for f in fired if f.rule == "conflict/guideline-position" and f.line == 5]
    assert bool(on_line) is flagged, on_line


def test_a_claim_asked_and_answered_spans_two_sentences(builtin_rules):
    [finding] = [
        f
        for f in lint_text("Our dosing is gentle.\nSide effects? Nope. Not with us.\n", builtin_rules, "d.md")
        if f.category == "minimized-risk"
    ]
    assert (finding.line, finding.column, finding.end_column, finding.excerpt) == (2, 1, 19, "Side effects? Nope")
    assert finding.sentence == "Side effects? Nope."
    still_asking = lint_text("Side effects? Never? Ask your doctor.\n", builtin_rules, "d.md")
    assert not [f for f in still_asking if f.category == "minimized-risk"]


SPRAVATO_PAGE = (
    "# Spravato at our center\n\n"
    "Spravato is approved for treatment-resistant depression. Ask us whether Spravato fits your plan.\n\n"
    "{line}\n"
)


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("Now also helping our patients with PTSD, anxiety and OCD.", True),
        ("Relief from PTSD, right here in town.", True),
        ("PTSD is common among veterans.", False),  # a condition named, no use offered
        ("Do you offer it for PTSD?", False),
        ("We do not offer it for PTSD.", False),
        ("Now also helping our patients with PTSD. This use is off-label.", False),
        ("TMS is another treatment for PTSD that some clinics offer.", False),  # another treatment's use
        ("Deep brain stimulation, FDA-approved for OCD, is a surgical option.", False),
    ],
)
def test_a_use_offered_without_naming_the_product_is_a_use_of_the_page_topic(builtin_rules, line, flagged):
    fired = lint_text(SPRAVATO_PAGE.format(line=line), builtin_rules, "d.md")
    found = [f for f in fired if f.rule == "disclosure/off-label"]
    assert bool(found) is flagged, found
    if flagged:
        assert found[0].line == 5 and found[0].excerpt == "PTSD" and "Spravato" in found[0].message


def test_typical_results_answer_a_patient_story_but_not_the_pages_own_claim(builtin_rules):
    typical = "\n\nIn the trial, most people felt a modest change in energy, and some felt none [1]."
    story = '> "By month five the cysts were gone, and I finally stopped hiding my jaw." (Jo, 22)'
    assert "efficacy/finally-works" in rules_fired(builtin_rules, story)
    assert "efficacy/finally-works" not in rules_fired(builtin_rules, story + typical)
    headline = "# Fibromyalgia relief, finally"
    assert "efficacy/finally-works" in rules_fired(builtin_rules, headline + typical)


def test_a_testimonial_with_a_dramatic_result_needs_typical_results(builtin_rules):
    story = '> "Three drips later I was back on the trails." (Mari, 52)'
    assert "efficacy/testimonial-result" in rules_fired(builtin_rules, story)
    typical = story + "\n\nIn the trial, most people felt a modest change in energy, and some felt none [1]."
    assert "efficacy/testimonial-result" not in rules_fired(builtin_rules, typical)
    # a fallback rule: the line already carries another efficacy finding, so it is not reported twice
    told = '> "I haven\'t had a single headache since, and my migraines are gone." (Dana, 44)'
    fired = rules_fired(builtin_rules, told)
    assert "efficacy/dramatic-personal-result" in fired and "efficacy/testimonial-result" not in fired


def test_a_table_cell_speaks_of_its_column_not_of_the_page_topic(builtin_rules):
    page = "Spravato is given in clinics. Spravato needs a REMS.\n\n"
    table = "| | TMS | Spravato |\n|---|---|---|\n| Driving | You can drive yourself home | {} |\n"
    fired = rules_fired(builtin_rules, page + table.format("No driving until the next day"))
    assert "conflict/label-restriction" not in fired
    fired = rules_fired(builtin_rules, page + table.format("You can drive yourself home"))
    assert "conflict/label-restriction" in fired


@pytest.mark.parametrize(
    "text",
    [
        "## What we won't tell you\n\n- That ketamine cures depression.\n",  # a heading that disowns its list
        "Researchers found 3 of 17 advertisers told readers ketamine is not addictive.\n",
        "In 2023 FDA warned that taking ketamine at home means no one is watching.\n",
        '**"Ketamine cures depression."** It doesn\'t.\n',
        "The idea that LDN resets the immune system is a hypothesis, not an established fact.\n",
    ],
)
def test_honest_reporting_is_not_a_claim(builtin_rules, text):
    assert not [r for r in rules_fired(builtin_rules, text) if not r.startswith("disclosure/")]


def test_a_boast_that_sounds_like_a_denial_does_not_disown_its_list(builtin_rules):
    items = "\n\n- 94% of members feel fully recovered within an hour\n"
    assert "efficacy/statistic-claim" in rules_fired(builtin_rules, "## The numbers don't lie" + items)
    assert "efficacy/statistic-claim" in rules_fired(builtin_rules, "## Don't just take our word for it" + items)
    assert "efficacy/statistic-claim" not in rules_fired(builtin_rules, "## Claims we don't make" + items)


def test_a_fact_check_quotes_the_claims_it_takes_apart(builtin_rules):
    article = (
        "# What these ketamine ads get wrong\n\n"
        '**1. "Our ketamine cures depression in hours. Why wait months on SSRIs?"**\n'
        "It doesn't: some people feel better within a day, and the effect often fades.\n"
    )
    assert not [r for r in rules_fired(builtin_rules, article) if not r.startswith("disclosure/")]
    # the same line on a clinic's own page is its claim
    page = article.replace("What these ketamine ads get wrong", "Ketamine at our clinic")
    assert "efficacy/cure-claim" in rules_fired(builtin_rules, page)


def test_a_product_asked_about_and_refused_is_not_promoted(builtin_rules):
    refused = "**Do you offer compounded semaglutide?** No, we prescribe only FDA-approved brands."
    assert "disclosure/not-fda-approved" not in rules_fired(builtin_rules, refused)
    offered = "**Do you offer compounded semaglutide?** Yes, from $199 a month."
    assert "disclosure/not-fda-approved" in rules_fired(builtin_rules, offered)


def test_a_sentence_about_another_form_of_medicine_is_not_said_of_the_page_topic(builtin_rules):
    page = "Spravato is given in clinics. Spravato needs a REMS.\n\n"
    assert "conflict/label-restriction" not in rules_fired(builtin_rules, page + "At-home troches are different.")
    assert "conflict/label-restriction" in rules_fired(builtin_rules, page + "Now at home, on your schedule.")


@pytest.mark.parametrize(
    ("text", "conflict"),
    [
        ("Ozempic is FDA-approved for weight loss too.", "conflict/approval-claim"),
        ("Testosterone therapy that turns back the clock on aging.", "conflict/label-restriction"),
    ],
)
def test_a_use_offered_against_the_label_is_a_conflict_not_a_missing_disclosure(builtin_rules, text, conflict):
    fired = rules_fired(builtin_rules, text)
    assert conflict in fired
    assert "disclosure/off-label" not in fired
    # the disclosure is still owed where the use is later named plainly
    assert "disclosure/off-label" in rules_fired(builtin_rules, text + "\n\nWe prescribe Ozempic for weight loss.")


@pytest.mark.parametrize(
    "text",
    [
        "Try our BPC-157 recovery blend today.",
        "Book a stem cell injection for your knees.",
        "Our exosome booster is back in stock.",
        "Ibogaine retreats now open in Baja.",
        "Berberine, nature's answer to blood sugar.",
    ],
)
def test_unapproved_peptides_cell_products_and_supplements_need_the_disclosure(builtin_rules, text):
    assert "disclosure/not-fda-approved" in rules_fired(builtin_rules, text)


@pytest.mark.parametrize(
    "disclosure",
    [
        "Neither one is an FDA-approved drug for any condition in the US.",
        "None of these supplements is FDA-approved to treat a disease.",
    ],
)
def test_a_disclosure_for_several_products_at_once(builtin_rules, disclosure):
    assert "disclosure/not-fda-approved" not in rules_fired(builtin_rules, "BPC-157 and berberine. " + disclosure)


@pytest.mark.parametrize(
    "claim",
    [
        "Licensed clinicians • FDA-approved meds • ships in 48 hrs",
        "Made from the same FDA-approved molecule millions already trust.",
        "Made in an FDA-approved pharmacy, so you're getting the real thing.",
        "It's FDA-approved and made in the USA.",
        "Every vial is FDA-approved and prepared by a licensed pharmacy.",
    ],
)
def test_an_approval_said_generically_is_lent_to_the_compounded_product_on_sale(builtin_rules, claim):
    page = "Start compounded semaglutide from $199 a month.\n\n"
    assert "conflict/approval-claim" in rules_fired(builtin_rules, page + claim)


def test_an_approval_counted_over_several_products_is_not_lent(builtin_rules):
    page = "Start compounded semaglutide from $199 a month.\n\n"
    text = page + "Two FDA-approved weight-management drugs were compared head to head."
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Our services: testosterone, ED care and hair restoration.", False),  # a list of services
        ("An online clinic for testosterone, ED and hair loss.", False),
        ("We offer ketamine, TMS and therapy for depression.", True),  # "for" offers all three
        ("For depression, ketamine infusions are an option.", True),
    ],
)
def test_a_product_listed_beside_conditions_is_not_offered_for_them(builtin_rules, text, flagged):
    assert ("disclosure/off-label" in rules_fired(builtin_rules, text)) is flagged


def test_a_checklist_of_red_flag_phrases_quotes_them(builtin_rules):
    page = (
        "# Red-flag phrases in health ads\n\n"
        '## "Cures depression in one session"\n\nNo treatment does.\n\n'
        '## "No side effects" or "all natural, so it\'s safe"\n\nEvery active treatment has some.\n\n'
        "An ad that lists no risks at all hasn't given you the full picture.\n"
    )
    assert not rules_fired(builtin_rules, page)


def test_an_approval_said_of_the_brand_is_not_lent_to_the_compounded_copy(builtin_rules):
    page = "We sell compounded tirzepatide.\n\n"
    said_of_brand = "In a 72-week trial of FDA-approved tirzepatide (Zepbound), adults lost about 21% of body weight."
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, page + said_of_brand)
    assert "conflict/approval-claim" in rules_fired(builtin_rules, page + "Our tirzepatide is FDA-approved.")


def test_a_myth_answered_no_is_refuted(builtin_rules):
    text = '- "My level is normal now, so I can skip bloodwork." No. Hematocrit can climb anyway.'
    assert "risk/no-monitoring" not in rules_fired(builtin_rules, text)


def test_a_finding_on_the_answer_line_points_at_the_answer_word(builtin_rules):
    text = "Is CBD safe with your meds?\n\n(Spoiler: yes ✅)\n"
    [finding] = [f for f in lint_text(text, builtin_rules, "d.md") if f.rule == "risk/safety-question-answered-yes"]
    assert (finding.line, finding.column, finding.excerpt) == (3, 11, "yes")


def test_a_sentence_under_a_procedure_heading_speaks_of_the_procedure(builtin_rules):
    page = "# Spravato and TMS\n\nSpravato is given in clinics. Spravato needs a REMS.\n\n"
    page += "## Transcranial magnetic stimulation (TMS)\n\n"
    assert "conflict/label-restriction" not in rules_fired(builtin_rules, page + "Most people drive home afterward.")
    after_spravato = "## Spravato sessions\n\nMost people drive home afterward."
    assert "conflict/label-restriction" in rules_fired(builtin_rules, page + after_spravato)


def test_a_supplement_said_not_to_be_a_medicine_is_disclosed(builtin_rules):
    use = "Berberine may lower blood sugar in type 2 diabetes."
    assert "disclosure/not-fda-approved" in rules_fired(builtin_rules, use)
    assert "disclosure/not-fda-approved" not in rules_fired(
        builtin_rules, use + " Berberine is a plant compound, not a GLP-1 medicine."
    )
    # a compounded drug is a medicine: saying what it is not discloses nothing
    compounded = "Compounded semaglutide may help weight loss. Semaglutide is not a miracle drug."
    assert "disclosure/not-fda-approved" in rules_fired(builtin_rules, compounded)


def test_an_approval_said_of_our_generic_is_lent_to_the_compounded_product_on_sale(builtin_rules):
    page = "We ship compounded tirzepatide to your door.\n\n"
    claim = "Our semaglutide is FDA-approved and made in a state-licensed pharmacy."
    assert "conflict/approval-claim" in rules_fired(builtin_rules, page + claim)
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, "We prescribe Wegovy.\n\n" + claim)


@pytest.mark.parametrize(
    ("quotation", "result"),
    [
        ('> "Size 18 to size 10 in four months. My coworkers noticed." — Alyssa, 34', "Size 18 to size 10"),
        ('"Six years of tennis elbow, done in three weeks. I feel great." (Dana R., Austin)', "done in three weeks"),
        ('"My daughter went from 30 seizures a week to two." (Marisol, 38)', "from 30 seizures a week to two"),
        ('"Two years clean now and I feel great." — Marcus R., Phoenix', "years clean"),
        ('"Bedbound for a year. Three weeks on Oravel and I walked my dog." (Tess, 40)', "Three weeks on Oravel and I"),
        ('"Six weeks with the brace and my surgeon cancelled it." (Al, 61)', "Six weeks with the brace and my"),
    ],
)
def test_every_sentence_of_a_signed_quotation_can_tell_a_dramatic_result(builtin_rules, quotation, result):
    found = [f for f in lint_text(quotation + "\n", builtin_rules, "d.md") if f.rule == "efficacy/testimonial-result"]
    assert [f.excerpt for f in found][:1] == [result]


def test_turns_of_a_story_tell_a_result_only_inside_a_testimonial(builtin_rules):
    signed = "> \"Two injections later I hiked Angel's Landing. My grandkids couldn't believe it.\" (Gary, 58)"
    found = [f for f in lint_text(signed + "\n", builtin_rules, "d.md") if f.rule == "efficacy/testimonial-result"]
    assert [f.excerpt for f in found] == ["Two injections later I", "couldn't believe it"]
    typical = signed + "\n\nIn the trials, most people had less knee pain, by about a fifth on average [1].\n"
    assert "efficacy/testimonial-result" not in rules_fired(builtin_rules, typical)
    # the same words in the writer's own prose are no story: nothing is a testimonial, nothing is reported
    prose = "I couldn't believe it when the trial data came out: the effect was smaller than the headlines said.\n"
    assert rules_fired(builtin_rules, prose) == set()


def test_when_lab_results_arrive_is_no_statement_of_typical_results(builtin_rules):
    story = '> "My bloating was gone in three weeks." (Priya S., Austin)\n\n'
    assert "disclosure/testimonial" in rules_fired(builtin_rules, story)
    lab = story + "Results usually post to your dashboard within 10 to 14 days.\n"
    assert "disclosure/testimonial" in rules_fired(builtin_rules, lab)
    typical = (
        story
        + "In our 2024 review of 300 members, the median change in bloating scores was small, and a third saw none.\n"
    )
    assert "disclosure/testimonial" not in rules_fired(builtin_rules, typical)


def test_a_story_of_weeks_that_changed_nothing_tells_no_result(builtin_rules):
    story = '"Three months of PT and I was still wincing at every press." (Sam, 37)'
    assert "efficacy/testimonial-result" not in rules_fired(builtin_rules, story)


def test_the_first_testimonial_is_on_the_quotation_line_not_the_label_above_it(builtin_rules):
    text = '**Pin 2:** week 1 vs week 3\n**Pin title:** "My bald patches filled in so fast." (Kayla R.)\n'
    [finding] = [f for f in lint_text(text, builtin_rules, "d.md") if f.rule == "disclosure/testimonial"]
    assert finding.line == 2


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Minoxidil isn't addictive.", False),
        ("Semaglutide is not habit-forming.", False),
        ("Ketamine is not addictive.", True),  # a controlled substance
        ("CBD is non-addictive.", True),  # not an approved drug
        ("We ship compounded tirzepatide.\n\nIt's not habit-forming.", True),  # said of what the page sells
    ],
)
def test_no_addiction_is_a_claim_unless_said_of_an_approved_uncontrolled_drug(builtin_rules, text, flagged):
    assert ("risk/non-addictive" in rules_fired(builtin_rules, text)) is flagged


@pytest.mark.parametrize(
    "answered",
    [
        "\"It's natural, so it's safe.\" Mushrooms can still cause panic and accidents.",
        '"No side effects, it\'s your own cells." Injected cells still carry real risks, including infection.',
        '"It has no side effects." Vivid dreams and headache are common early on.',
    ],
)
def test_a_quoted_safety_claim_answered_with_its_harms_is_not_made(builtin_rules, answered):
    assert not {r for r in rules_fired(builtin_rules, answered) if r.startswith("risk/")}
    assert "risk/no-side-effects" in rules_fired(builtin_rules, '"No side effects!" Book today.')


def test_it_stands_for_the_approved_product_named_before_it(builtin_rules):
    page = "Try our CBD oil for calm.\n\n"
    epidiolex = "Epidiolex is a prescription CBD. It is the only FDA-approved CBD."
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, page + epidiolex)
    row = "| Product | Notes |\n|---|---|\n| Epidiolex | Approved for Dravet syndrome. It is FDA-approved. |"
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, page + row)
    assert "conflict/approval-claim" in rules_fired(builtin_rules, page + "It is FDA-approved.")


def test_a_draft_that_refuses_compounded_drugs_lends_them_no_approval(builtin_rules):
    policy = "We prescribe FDA-approved GLP-1 medicines. We do not start patients on compounded semaglutide."
    assert "conflict/approval-claim" not in rules_fired(
        builtin_rules, policy + "\n\nSome inject compounded semaglutide."
    )
    seller = "Start compounded semaglutide from $199.\n\nWe prescribe FDA-approved GLP-1 medicines."
    assert "conflict/approval-claim" in rules_fired(builtin_rules, seller)


def test_a_compounded_form_asked_about_and_answered_no_borrows_no_approval(builtin_rules):
    page = (
        "FDA-approved estradiol patches use the same molecule.\n\n"
        "| | FDA-approved estradiol | Compounded estradiol pellet |\n|---|---|---|\n"
        "| Dose | Fixed | Set at insertion |\n\n"
    )
    assert "conflict/approval-claim" in rules_fired(builtin_rules, page)
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, page + "**Do you offer pellets?** No.")
    offered = "**Do you offer testosterone as an anti-aging treatment?** No.\n\nFDA-approved testosterone gels exist."
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, offered)


def test_an_approved_product_named_as_such_lends_nothing_when_the_draft_says_what_is_not_approved(builtin_rules):
    page = "Compounded estradiol pellets are offered by many clinics.\n\nFDA-approved estradiol is the same molecule."
    assert "conflict/approval-claim" in rules_fired(builtin_rules, page)
    disclosed = page + " Compounded pellets are not FDA-approved."
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, disclosed)
    sold = disclosed + " Our pellets start with the same FDA-approved estradiol."
    assert "conflict/approval-claim" in rules_fired(builtin_rules, sold)
    covered = disclosed + " Insurance may cover FDA-approved estradiol if you qualify."
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, covered)


def test_a_table_column_of_phrases_to_avoid_quotes_them(builtin_rules):
    table = "| Avoid | Why |\n|---|---|\n"
    table += '| "Reverses aging" | No trial shows it |\n| "No side effects" | Flushing is common |'
    assert rules_fired(builtin_rules, table) == set()
    assert "risk/no-side-effects" in rules_fired(builtin_rules, table.replace("Avoid", "Benefit"))


def test_a_row_that_names_its_source_in_a_source_column_is_cited(builtin_rules):
    table = (
        "| Vaccine | How well it works | Source |\n|---|---|---|\n| MMR | About 97% effective against measles | CDC |"
    )
    assert "efficacy/universal-results" not in rules_fired(builtin_rules, table)
    unsourced = table.replace("| CDC |", "| |")
    assert "efficacy/universal-results" in rules_fired(builtin_rules, unsourced)
    not_a_source = table.replace("Source", "Notes")
    assert "efficacy/universal-results" in rules_fired(builtin_rules, not_a_source)


@pytest.mark.parametrize(
    ("pairs", "flagged"),
    [
        ("Ketamine for depression works fast. Our ketamine for depression program is local.", True),
        ("Ketamine for depression works fast.", False),  # tied once: not enough to say what the page is about
        ("Ketamine for depression works fast. We also offer ketamine for migraine.", False),  # which one?
    ],
)
def test_a_stance_on_a_product_alone_is_read_with_the_condition_the_draft_ties_it_to(builtin_rules, pairs, flagged):
    text = pairs + "\n\nBook today and make ketamine your first step, not your last resort."
    assert ("conflict/guideline-position" in rules_fired(builtin_rules, text)) is flagged


@pytest.mark.parametrize(
    ("above", "below", "cited"),
    [
        ("", "", False),
        ("", "*Source: Clearmont internal outcomes audit, 2024; eyes without a 3-month visit are not counted.*", True),
        ("", "*Source:*", False),  # names nothing
        ("## Our 2024 results (1,142 eyes, reviewed by an independent optometrist)", "", True),
        ("In our randomized study, 248 adults used the band or a sham band:", "", True),
        ("## 10,000+ happy members can't be wrong", "", False),  # a boast, not the group measured
    ],
)
def test_a_table_that_says_where_its_figures_come_from_is_cited(builtin_rules, above, below, cited):
    table = "| Measure | Result |\n|---|---|\n| Success rate | 93% |\n| Members in remission | 88% |"
    text = "\n\n".join(part for part in (above, table, below) if part)
    assert ("efficacy/table-figure" not in rules_fired(builtin_rules, text)) is cited


def test_a_table_that_counts_who_answered_or_who_did_not_improve_tells_its_figures_whole(builtin_rules):
    table = "| Condition | Much better | A little better |\n|---|---|---|\n| Tennis elbow | 58% | 22% |"
    assert "efficacy/table-figure" in rules_fired(builtin_rules, table)
    counted = table.replace("| Much better |", "| Answered at 6 months | Much better |").replace(
        "| 58% |", "| 104 | 58% |"
    )
    assert "efficacy/table-figure" not in rules_fired(
        builtin_rules, counted.replace("|---|---|---|", "|---|---|---|---|")
    )
    spread = table.replace("A little better |", "A little better | No change or worse |")
    spread = spread.replace("|---|---|---|", "|---|---|---|---|").replace("22% |", "22% | 20% |")
    assert "efficacy/table-figure" not in rules_fired(builtin_rules, spread)


def test_a_heading_that_quotes_what_readers_may_have_read_examines_it(builtin_rules):
    heading = '## You may have read: "It is safer than vaccines and has zero side effects"'
    assert rules_fired(builtin_rules, heading) == set()
    assert "risk/no-side-effects" in rules_fired(
        builtin_rules, "## It is safer than vaccines and has zero side effects"
    )


def test_it_after_a_quoted_myth_stands_for_the_product_the_myth_named(builtin_rules):
    myth = '- **"Minoxidil makes you dependent forever."** It isn\'t addictive. Gains fade if you stop.'
    assert "risk/non-addictive" not in rules_fired(builtin_rules, myth)
    assert "risk/non-addictive" in rules_fired(builtin_rules, "Ketamine is a strong medicine. It isn't addictive.")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("In TRANSFORM-2, about seven in ten people on esketamine responded by week four.", False),
        ("In the STEP 1 trial, 9 in 10 adults lost weight.", False),
        ("About seven in ten people on esketamine responded by week four.", True),
        ("In COVID-19 care, 9 in 10 patients respond.", True),  # a disease, not a trial
        ("9 in 10 adults respond (STEP 1).", False),
        ("9 in 10 adults respond (SURMOUNT-1).", False),
        ("9 in 10 adults respond (ELEKT-D trial).", False),
        ("In depression (MDD), 9 in 10 adults respond.", True),  # an abbreviation, not a trial
        ("On a GLP-1 (GLP-1) drug, 9 in 10 adults respond.", True),
        ("9 in 10 adults respond (CDC).", False),  # a public health body named as the source
        ("9 in 10 adults respond (NIH Office of Dietary Supplements).", False),
        ("According to CDC, 9 in 10 adults respond.", False),
    ],
)
def test_a_trial_named_by_its_acronym_or_a_public_health_body_is_a_source(builtin_rules, text, flagged):
    assert ("efficacy/statistic-claim" in rules_fired(builtin_rules, text)) is flagged


def test_a_table_column_of_phrases_quotes_them(builtin_rules):
    table = '| Phrase the Board has seen | Why it is a problem |\n|---|---|\n| "Zero side effects" | Omits risks |'
    assert rules_fired(builtin_rules, table) == set()


def test_a_column_of_what_a_product_will_not_do_claims_none_of_it(builtin_rules):
    table = "| Product | What it may do | What it won't do |\n|---|---|---|\n"
    table += "| Pillows | May help back sleepers | Help everyone |"
    assert rules_fired(builtin_rules, table) == set()
    assert "efficacy/universal-results" in rules_fired(builtin_rules, table.replace("What it won't do", "Who it helps"))


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        ("The crown looks fuller. He reported no side effects.", "risk/no-side-effects", False),
        ("Our patients report no side effects.", "risk/no-side-effects", True),
        ("Skipping labs isn't an option in our program.", "risk/no-monitoring", False),
        ("Skipping labs is fine.", "risk/no-monitoring", True),
        ("I'm down 58 pounds, and I know that's more than most people lose.", "efficacy/majority-outcome", False),
        ("These medicines treat obesity while you take them rather than curing it.", "efficacy/cure-claim", False),
        ("These medicines treat obesity and cure it.", "efficacy/cure-claim", True),
        ("Finasteride is on our menu. We see new referrals within two weeks.", "conflict/label-restriction", False),
        ("Finasteride is on our menu. You will see new hair within two weeks.", "conflict/label-restriction", True),
    ],
)
def test_honest_accounts_and_label_facts(builtin_rules, text, rule, flagged):
    assert (rule in rules_fired(builtin_rules, text)) is flagged


@pytest.mark.parametrize(
    "honest",
    [
        "| | Epidiolex | Hemp CBD |\n|---|---|---|\n| FDA status | FDA-approved prescription drug | not approved |",
        "Finasteride is FDA-approved for hair loss, and low-dose oral minoxidil is off-label.",
        "Testosterone at our pharmacy: FDA-approved products and compounded creams.",
    ],
)
def test_approval_stated_beside_what_is_not_approved(builtin_rules, honest):
    page = "We make compounded testosterone cream and sell hemp CBD. Ask about oral minoxidil for hair loss.\n\n"
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, page + honest)


def test_a_report_on_what_ads_promise_quotes_them(builtin_rules):
    """A title that sets what ads promise against the evidence makes the draft's quotations mentions."""
    body = '**"Ketamine is non-addictive."**\n\nFive clinics used these words. The evidence is thinner.\n'
    report = "# What ketamine clinic ads promise, and what the evidence says\n\n" + body
    assert rules_fired(builtin_rules, report) == set()
    assert "risk/non-addictive" in rules_fired(builtin_rules, "# Ketamine\n\n" + body)


def test_a_sentence_denied_by_the_next_one_claims_nothing(builtin_rules):
    page = "One of our old pages called oral minoxidil *FDA-approved for hair loss*. {}\n"
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, page.format("It isn't."))
    assert "conflict/approval-claim" in rules_fired(builtin_rules, page.format("It was popular."))


@pytest.mark.parametrize(
    "text",
    [
        '## Lines you won\'t see from us\n\n"Clear skin in 30 days, guaranteed." "Acne gone for good." It takes weeks.',
        '## What we will never promise\n\n- "Works for everyone."',
        '- **"Up to 80% success!"** Lines like this usually describe a narrow group, such as donor-egg transfers.',
        "Physical therapy tends to speed recovery up a bit rather than work miracles.",
        '## Three claims I keep hearing\n\n> "Tiny doses give you the benefit without the side effects."',
        'ON-SCREEN TEXT: Not addictive ≠ "3 months and you\'re done."',
    ],
)
def test_claims_shown_as_what_a_draft_will_not_say_are_mentions(builtin_rules, text):
    assert rules_fired(builtin_rules, text) == set()


def test_a_majority_claim_followed_by_those_who_get_less_is_balanced(builtin_rules):
    claim = "Most people notice softening within a few days."
    assert "efficacy/majority-outcome" in rules_fired(builtin_rules, claim)
    assert "efficacy/majority-outcome" in rules_fired(builtin_rules, claim + " Some notice it within hours!")
    assert "efficacy/majority-outcome" in rules_fired(builtin_rules, claim + "\n\nSome respond less.")
    assert "efficacy/majority-outcome" not in rules_fired(builtin_rules, claim + " Some people respond less.")
    assert "efficacy/majority-outcome" not in rules_fired(builtin_rules, claim + " Not everyone does.")


@pytest.mark.parametrize(
    ("page", "for_some", "for_everyone"),
    [
        (
            "Low-dose naltrexone calms autoimmune flares, custom-compounded for you.\n\n"
            "Naltrexone has carried FDA approval since the 1980s, so this is no experimental drug.\n\n",
            "**Can I take LDN with opioid pain medicine?** No. We don't prescribe LDN to people taking opioids.",
            "We don't prescribe LDN.",
        ),
        (
            "Semaglutide has carried FDA approval since 2017.\n\n"
            "Order compounded semaglutide from us today, shipped in two days.\n\n",
            "We don't prescribe compounded semaglutide to people with a history of thyroid cancer.",
            "We don't prescribe compounded semaglutide.",
        ),
    ],
)
def test_a_refusal_for_some_people_only_still_offers_the_product(builtin_rules, page, for_some, for_everyone):
    assert "conflict/approval-claim" in rules_fired(builtin_rules, page + for_some)
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, page + for_everyone)


def test_a_heading_over_the_approved_uses_lends_no_approval_to_the_history_of_an_off_label_use(builtin_rules):
    page = (
        "We still get questions about hydroxychloroquine at the counter.\n\n"
        "### What it's FDA-approved for\n\n- Malaria.\n- Lupus.\n\n"
        "In 2020, FDA authorized hydroxychloroquine for some hospitalized COVID-19 patients, then revoked it.\n"
    )
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, page)
    borrowed = page.replace("What it's FDA-approved for", "It's FDA-approved, so it's safe to try")
    assert "conflict/approval-claim" in rules_fired(builtin_rules, borrowed)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Psoriasis is a long-term condition, and no diet, supplement or medicine cures it.", False),
        ("No diet, supplement or medicine works as well as ours, and our cream cures it.", True),
        ("No needles, no pills, and our cream cures it.", True),
    ],
)
def test_a_negated_list_is_the_subject_it_negates(builtin_rules, text, flagged):
    assert ("efficacy/cure-claim" in rules_fired(builtin_rules, text)) is flagged


ADDICTION_DENIED = "Because there's no drug involved, TMS isn't habit-forming."
SILVER = "There's no addiction or withdrawal with silver."
MAJORITY = "After treatment, most people feel like themselves within a few weeks"
MECHANISM = "this stimulation switches on the brain's own pain-dampening pathways and restores normal signaling."


@pytest.mark.parametrize(
    ("rule", "claim", "balanced"),
    [
        # the harm that remains, told next
        ("risk/non-addictive", SILVER, SILVER + " The harm comes from the dose over time."),
        ("risk/non-addictive", ADDICTION_DENIED, ADDICTION_DENIED + " That doesn't make it risk-free."),
        (
            "risk/non-addictive",
            ADDICTION_DENIED,
            ADDICTION_DENIED + " But for most people the benefit lasts only as long as the sessions continue.",
        ),
        # those who get less, told within the sentence
        (
            "efficacy/majority-outcome",
            MAJORITY + ".",
            MAJORITY + "; of those who don't, many improve gradually over the next months.",
        ),
        # what researchers think, not what is known
        ("efficacy/restore-health", "We know " + MECHANISM, "Researchers think " + MECHANISM),
    ],
)
def test_a_claim_told_with_its_other_side_is_balanced(builtin_rules, rule, claim, balanced):
    assert rule in rules_fired(builtin_rules, claim)
    assert rule not in rules_fired(builtin_rules, balanced)


@pytest.mark.parametrize(
    "text",
    [
        "Meet IronCream: testosterone cream mixed by our partner pharmacy to match your levels.",
        "Our finasteride spray is mixed to order by a licensed compounding pharmacy for you.",
        "Sildenafil and tadalafil in one chew, made for you by our partner pharmacy.",
    ],
)
def test_a_medicine_mixed_by_a_pharmacy_is_compounded(builtin_rules, text):
    assert "disclosure/not-fda-approved" in rules_fired(builtin_rules, text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Meet the Duo Chew: sildenafil + tadalafil in one mint chew.", "Compounded sildenafil is not FDA-approved"),
        ("Our Dual Spray puts finasteride and minoxidil together in one scalp spray.", "Compounded finasteride is"),
        ("Try our compounded tadalafil chews.", "Compounded tadalafil is not FDA-approved"),
        ("Our Biest cream (estradiol and progesterone in one cream) is new.", "Biest is not FDA-approved"),
        ("Unlike Cialis, sildenafil + tadalafil in one chew works fast.", "Compounded sildenafil is not FDA-approved"),
        ("The Crown Spray: finasteride + minoxidil, custom-blended by our partner pharmacy.", "Compounded finasteride"),
    ],
)
def test_two_medicines_in_one_dosage_form_are_a_compounded_mix(builtin_rules, text, message):
    found = [f.message for f in lint_text(text, builtin_rules, "d.md") if f.rule == "disclosure/not-fda-approved"]
    assert len(found) == 1 and found[0].startswith(message), found


@pytest.mark.parametrize(
    "text",
    [
        "Sildenafil and tadalafil are both FDA-approved tablets; your doctor prescribes one or the other.",
        "Ask whether finasteride and minoxidil, each used on its own, suit you.",
        "Finasteride and minoxidil are sold by every pharmacy as FDA-approved generics.",
        # an approved combination, spelled out
        "Combination products such as Bijuva (estradiol and progesterone in one capsule) are FDA-approved too.",
    ],
)
def test_two_medicines_named_together_are_no_mix(builtin_rules, text):
    assert "disclosure/not-fda-approved" not in rules_fired(builtin_rules, text)


def test_approval_said_of_generics_is_not_lent_to_the_compounded_mix(builtin_rules):
    text = (
        "Grab the Duo Chew (sildenafil + tadalafil in one mint chew).\n\n"
        "Generic finasteride and sildenafil are the same FDA-approved generics you'd pick up at a pharmacy.\n"
    )
    assert "conflict/approval-claim" not in rules_fired(builtin_rules, text)


def test_a_pharmacy_that_only_fills_the_prescription_compounds_nothing(builtin_rules):
    text = "Your testosterone prescription is filled at our partner pharmacy and shipped to you."
    assert "disclosure/not-fda-approved" not in rules_fired(builtin_rules, text)


def test_a_compounded_medicine_is_reported_where_the_paragraph_first_offers_it(builtin_rules):
    text = (
        "# Tirzepatide at Glow\n\nThanks for asking about our tirzepatide program.\n"
        "It is basically Zepbound, mixed fresh by our partner pharmacy.\n\n"
        "- Weekly testosterone injections.\n- A testosterone cream mixed by our partner pharmacy.\n"
    )
    found = [
        (f.line, f.column, f.message)
        for f in lint_text(text, builtin_rules, "d.md")
        if f.rule == "disclosure/not-fda-approved"
    ]
    assert found == [(3, 29, "Compounded tirzepatide is not FDA-approved, and the draft does not say so")]


@pytest.mark.parametrize(
    "not_a_testimonial",
    [
        '**Reader question:** *"A studio offers thermograms. Can I do that instead of my mammogram?"* — Jess, 43',
        '**CTA (20-25 s):** "Code SEALED20 at the link in my bio."',
    ],
)
def test_a_signed_question_and_a_script_cue_are_not_testimonials(builtin_rules, not_a_testimonial):
    assert "disclosure/testimonial" not in rules_fired(builtin_rules, not_a_testimonial)


HCV_PAGE = (
    "# Hepatitis C treatment\n\nEpclusa and Mavyret are FDA-approved for chronic hepatitis C.\n\n"
    "In clinical trials the large majority of patients were cured.\n\n"
    "Twelve weeks after your last pill, an HCV RNA test confirms the cure.\n"
)


def test_cure_is_the_labels_word_for_a_condition_approved_medicines_cure(builtin_rules):
    assert "efficacy/cure-claim" not in rules_fired(builtin_rules, HCV_PAGE)


@pytest.mark.parametrize(
    "page",
    [
        # no approved cure named: a cleanse borrowing the word
        "HepaClear is a plant-based cleanse for hepatitis C. Most customers are cured in three cycles.",
        # the same page, but the cure said of a condition no medicine cures
        HCV_PAGE + "\nOur infusions cure depression, too.\n",
        # the same page, selling a compounded product
        HCV_PAGE + "\nAsk about compounded glutathione, which cures fatty liver.\n",
    ],
)
def test_cure_stays_a_claim_outside_an_approved_cure(builtin_rules, page):
    assert "efficacy/cure-claim" in rules_fired(builtin_rules, page)


def test_a_team_marks_its_own_condition_curable(tmp_path, capsys):
    pack = TEAM_KNOWLEDGE.replace("    broader: [migraine]\n", "    broader: []\n    curable: true\n")
    pack = pack.replace("indications: [chronic-migraine]", "indications: [vestibular-migraine]")
    write_pack(tmp_path / "kb", pack, "zenthra.yaml")
    draft = tmp_path / "d.md"
    draft.write_text("Zenthra is approved for vestibular migraine.\n\nMost trial patients were cured.\n")
    assert run(["--select", "efficacy/cure-claim", "--rules", str(tmp_path / "kb"), str(draft)]) == 0
    write_pack(tmp_path / "kb", pack.replace("    curable: true\n", ""), "zenthra.yaml")
    assert run(["--select", "efficacy/cure-claim", "--rules", str(tmp_path / "kb"), str(draft)]) == 1


def test_an_abbreviation_another_field_uses_is_no_product_name(builtin_rules):
    # "DAA" on a supplement page is D-aspartic acid, not a hepatitis C antiviral
    assert "disclosure/off-label" not in rules_fired(
        builtin_rules, "DAA raises testosterone in men with low testosterone."
    )
