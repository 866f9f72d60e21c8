"""The analysis stage: numbers and frames computed from the data — tariff layers and stacks,
data series, events, commitments, deadlines and the escalation model. No HTML here."""
