-- The chance that an open deal in each phase closes won, for the weighted pipeline
-- (pipeline_coverage.weighted_amount). Edit the percentages to your own win rates.
select * from (values
    (1, 0.10),
    (2, 0.20),
    (3, 0.40),
    (4, 0.60),
    (5, 0.80)
) as probabilities(phase, probability)
