"""Quotes on real news, ninth round (the seed-421/431 judges' span notes): a reported clause
runs on over what the parse hung outside it (a reason, the predicate of a long subject, a
request's infinitive), the subject the parse made the cue's object is the clause's, and a
content written before its cue loses the writer's connective and the narration that brings
in its quotation (texts of our own, in the shapes seen in the samples)."""

from __future__ import annotations

from dateline_testing import quotes_of


def _texts(quotes: list[dict]) -> list[str]:
    return [q["text"] for q in quotes]


def test_a_reason_clause_after_the_reported_clause_is_part_of_it(nlp):
    text = ("Norway continued to argue that the draft was one-sided, because it put no demands "
            "on the militias and tried to sideline the elected council.")
    assert _texts(quotes_of(nlp, text)) == [
        "that the draft was one-sided, because it put no demands on the militias and tried "
        "to sideline the elected council"]


def test_a_given_clause_after_the_reported_clause_is_part_of_it(nlp):
    text = ("Mayor Ida Holm said in a statement she opposed the lawsuit on the grounds that it "
            "was too early to sue the port authority before it can settle the claims, "
            "especially given that the authority has admitted it is at fault.")
    assert _texts(quotes_of(nlp, text)) == [
        "she opposed the lawsuit on the grounds that it was too early to sue the port authority "
        "before it can settle the claims, especially given that the authority has admitted "
        "it is at fault"]


def test_the_predicate_of_a_long_reported_subject_is_part_of_the_clause(nlp):
    text = ("Calloway denied this and said it believed that the crew's choice of valve, the type "
            "of seal fitted -- which the crew admitted caused the leak -- and the crew's failure "
            "to run a pressure test, were serious errors.")
    assert _texts(quotes_of(nlp, text))[-1].endswith("were serious errors")


def test_a_second_predicate_of_the_reported_subject_is_part_of_the_clause(nlp):
    text = ("We met a fisherman today who told us his brother was on the roof of the boat shed, "
            "made the choice to stay on the roof when the flood alarm rang.")
    assert _texts(quotes_of(nlp, text)) == [
        "his brother was on the roof of the boat shed, made the choice to stay on the roof "
        "when the flood alarm rang"]


def test_a_request_keeps_its_infinitive_after_an_apposition(nlp):
    text = "Students there have been calling for the governor, Tomas Ferrer, to resign."
    assert _texts(quotes_of(nlp, text)) == ["for the governor, Tomas Ferrer, to resign"]


def test_a_naming_keeps_no_purpose_clause_of_the_writer(nlp):
    # "calling him X" names, it requests nothing: the writer's purpose stays out
    text = "The paper is calling him Karim -- not his real name -- to protect his family."
    assert all("protect" not in q["text"] for q in quotes_of(nlp, text))


def test_the_subject_the_parse_made_an_object_opens_the_reported_clause(nlp):
    text = "Ministers warned the bill would slash fishing quotas in the north sea and cost hundreds of jobs."
    assert _texts(quotes_of(nlp, text)) == [
        "the bill would slash fishing quotas in the north sea and cost hundreds of jobs"]
    text = "Others warned the slow pace of the talks means farmers should expect a hard winter."
    assert _texts(quotes_of(nlp, text)) == [
        "the slow pace of the talks means farmers should expect a hard winter"]


def test_the_listener_of_tell_is_not_made_the_subject(nlp):
    # "tell" has its own rule: the name of whom it was told stays out
    text = "Ana Ruiz told the BBC trapped miners might wait for many hours."
    assert _texts(quotes_of(nlp, text)) == ["trapped miners might wait for many hours"]


def test_a_connective_of_the_writer_opens_no_fronted_content(nlp):
    text = "Meanwhile, the navy moved two frigates to the northern port, a defence official said."
    assert _texts(quotes_of(nlp, text)) == ["the navy moved two frigates to the northern port"]


def test_narration_bringing_in_a_fronted_quotation_is_left_out(nlp):
    text = ('Others were quick to join the chorus: "There is nothing like a good scandal," '
            'said one columnist.')
    quotes = quotes_of(nlp, text)
    assert _texts(quotes) == ["There is nothing like a good scandal"]
    assert quotes[0]["kind"] == "direct"


def test_a_dated_entry_before_a_quotation_is_left_out(nlp):
    text = ('June 3 - The governor visits the flooded towns - "We will rebuild every house," '
            'she said.')
    assert _texts(quotes_of(nlp, text)) == ["We will rebuild every house"]


def test_narration_between_two_pieces_of_one_quotation_stays(nlp):
    # the narration runs between two quoted pieces: the whole stays one quote
    text = ('"We hope a plan will come out of these talks" -- meaning the ones held in Oslo and '
            'Geneva -- "that will end the fighting soon," he said.')
    assert _texts(quotes_of(nlp, text))[0].startswith('We hope a plan')


def test_a_second_that_clause_after_but_is_part_of_the_report(nlp):
    text = ("The port authority said the leak was not contained at first, but that crews had "
            "since closed the damaged valve.")
    assert _texts(quotes_of(nlp, text)) == [
        "the leak was not contained at first, but that crews had since closed the damaged valve"]


def test_a_demonstrative_that_after_but_is_the_writer_going_on(nlp):
    text = "The firm says work will start as early as Friday to drill a second well, but that could take months."
    assert _texts(quotes_of(nlp, text)) == ["work will start as early as Friday to drill a second well"]


def test_a_reason_that_is_a_saying_of_its_own_is_not_run_on(nlp):
    text = "Several senators criticised the panel because they said its report named no cause."
    assert all("because" not in q for q in _texts(quotes_of(nlp, text)))


def test_a_quoted_predicate_after_a_subject_set_off_by_dashes_keeps_its_subject(nlp):
    text = ('Total costs -- fines and clean-up included -- "will run into the billions," the '
            'lawyer said.')
    assert _texts(quotes_of(nlp, text))[0].startswith("Total costs")


def test_the_main_clause_after_a_relative_clause_set_off_by_commas_is_not_reported(nlp):
    # (a guard: with this wording the model parses the main verb right; the stores had
    # sentences of this shape where it hung "has reached" on the cue's clause)
    text = ("The second pipe, which officials and the firm say is the only way to stop the leak "
            "for good, has reached a depth of 3,000 metres.")
    assert _texts(quotes_of(nlp, text)) == ["is the only way to stop the leak for good"]
