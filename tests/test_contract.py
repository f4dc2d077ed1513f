"""The product contract (shared/impartiality-rules.md), sentence by sentence.

Each case is a sentence from the contract, or one written to its boundary
decisions, with the categories a finding must carry: an empty set is a hard
negative that must stay clean.
"""

from __future__ import annotations

import pytest
from helpers import categories

D, S, L, A, OP, J = (
    "directive",
    "taking-sides",
    "local-policy",
    "acting-on-behalf",
    "personal-opinion",
    "judging-decision",
)

CASES = [
    # 1. directive
    ("You ought to ask the school for a copy of the provision map.", {D}),
    ("You must register your appeal within two months.", {D}),
    ("You and your partner need to decide before the review.", {D}),
    ("Don't sign anything until you have seen the final plan.", {D}),
    ("Insist on a meeting with the head teacher.", {D}),
    ("Make sure you keep a copy of every letter.", {D}),
    ("I would recommend asking for mediation.", {D}),
    ("My advice is to wait for the annual review.", {D}),
    ("If I were you, I would ask for the minutes.", {D}),
    ("It is essential that you reply before the deadline.", {D}),
    ("Don't delay, the deadline is close.", {D}),
    ("You can ask for an EHC needs assessment yourself.", set()),
    ("You may wish to consider asking for mediation.", set()),
    ("Some parents choose to educate their child at home.", set()),
    ("You do not have to accept a part-time timetable.", set()),
    ("There is no requirement for you to attend the panel.", set()),
    ("You have the right to appeal to the tribunal.", set()),
    ("You are entitled to request a particular school.", set()),
    ("The local authority must respond within six weeks.", set()),
    ("The school should publish its SEN information report.", set()),
    ("If you decide to appeal, the appeal must be registered within two months.", set()),
    ("Please contact me if you have any questions.", set()),
    ("Please find enclosed our factsheet on annual reviews.", set()),
    ("Let me know if you would like a copy of the form.", set()),
    ("Would you like me to send you the form?", set()),
    ("The SENCO told you that you should apply for an assessment.", set()),
    # 2. taking-sides
    ("The academy is being obstructive.", {S}),
    ("The SENCO has been excellent and has done all she can.", {S}),
    ("We are firmly on your side.", {S}),
    ("You have a cast-iron case.", {S}),
    ("Regrettably the panel refused to name the school.", {S}),
    ("The LA decided not to issue a plan on 3 May.", set()),
    ("You told me you feel the school has not listened to you.", set()),
    ("I am sorry to hear things have been difficult.", set()),
    # 3. local-policy
    ("Newtown's policy is that pupils need a diagnosis first.", {L}),
    ("The panel never agrees to out-of-county placements.", {L}),
    ("The SEND Code of Practice 2015 says the local authority must consider the request.", set()),
    ("The Local Offer lists the services available.", set()),
    ("The SEN team's office is in the town hall.", set()),
    # 4. acting-on-behalf
    ("I will ring the school on your behalf and tell them you refuse.", {A}),
    ("Leave it with me and I'll sort it out with the council.", {A}),
    ("I have decided that mediation is the best route.", {A}),
    ("We will represent you at the panel.", {A}),
    ("The council has asked me to let you know that it will not fund the placement.", {A}),
    ("If you would like, I can come to the meeting with you.", set()),
    ("With your agreement, I can help you draft your letter.", set()),
    # 5. personal-opinion
    # a marker carrying a view on a party or the outcome is also taking sides (boundary 11)
    ("In my opinion the draft plan is too vague.", {OP, S}),
    ("I doubt that the panel will change its mind.", {OP, S}),
    ("In my view the law is clear on this point.", {OP}),
    ("I hope this helps.", set()),
    ("I understand this is a worrying time.", set()),
    ("I have enclosed two factsheets.", set()),
    # 6. judging-decision
    ("That would be a mistake.", {J}),
    ("You did the right thing refusing.", {J}),
    ("It was wise to wait.", {J}),
    ("You should have asked sooner.", {J}),
    ("It is your decision.", set()),
    ("Whatever you decide, I can explain the next steps.", set()),
    # two categories at once
    ("I think you should appeal.", {OP, D}),
    ("You'd be far better off taking the place at the unit.", {D, J}),
    # boundary decisions
    ("You'll need to send form X to the council.", {D}),
    ("If you do apply, it's wise to attach the speech therapy report.", {D}),
    ("It might be worth asking the SENCO for a review meeting.", {D}),
    ("You might find it helpful to keep a diary.", set()),
    ("Please remember to return the consent form to the school.", {D}),
    ("Do chase the OT for her report.", {D}),
    ("Please fill in our short feedback card.", set()),
    ("Take care of yourself.", set()),
    ("How about asking the SENCO for a review meeting?", {D}),
    ("I'm delighted the council has agreed to assess.", {S}),
    ("I'm sorry the school has excluded him.", set()),
    ("I know this isn't the answer you wanted.", set()),
    ("The plan was due on 4 March and has not been issued.", set()),
    ("You should get the final plan by the end of the month.", set()),
    ("You must be given a copy of the report.", set()),
    ("I can only imagine how tiring this has been for you.", set()),
    ("The panel sits every fortnight.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_contract_sentence(nlp, text, expected):
    assert categories(nlp(text)) == expected


def test_quoted_words_become_notes_not_findings(nlp):
    doc = nlp('The officer wrote: "You must accept the offer by Friday."')
    assert not doc.spans["advicelint"]
    assert {span.label_ for span in doc.spans["advicelint_notes"]} == {D}
