"""A rating goes to the ticket the counter finished last, however close the finishes."""


def test_a_rating_goes_to_the_ticket_finished_last_within_the_same_second(hall, clock, store):
    hall.open_counter(1, "E001")
    hall.issue("topup")
    hall.issue("topup", tier="vip")  # issued later, called first: the green channel
    first = hall.call(1).ticket
    hall.finish(1)
    second = hall.call(1).ticket
    hall.finish(1)
    assert (first, second) == ("V001", "A001")
    assert hall.rate(1, "satisfied").ticket == "A001"
