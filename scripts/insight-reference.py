#!/usr/bin/python3
"""Reference values for the statistics of "what works for me", from statsmodels and SciPy (Debian's
python3-statsmodels), so that our own code is checked against an independent, well-kept implementation.

Made with:  /usr/bin/python3 scripts/insight-reference.py > src/domain/insight/statistics.reference.json
(apt-get install -y python3-statsmodels)

- Newey-West: the slope of y on a 0/1 factor with an intercept (the difference in means) and its
  HAC standard error, Bartlett weights 1 - j/(L+1), with the small-sample factor n/(n-k)
  (statsmodels OLS ... fit(cov_type='HAC', cov_kwds={'maxlags': L, 'use_correction': True})).
- Student t: two-sided tail probabilities and 97.5th percentiles (scipy.stats.t).
- Benjamini-Hochberg: adjusted p-values (statsmodels.stats.multitest.multipletests, method 'fdr_bh').
"""
import json

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests

rng = np.random.RandomState(20261208)


def ar1(n, phi, sd):
    e = np.empty(n)
    e[0] = rng.normal() * sd
    for t in range(1, n):
        e[t] = phi * e[t - 1] + rng.normal() * sd * np.sqrt(1 - phi * phi)
    return e


def runs(n, mean_run):
    """A 0/1 series used in runs (a medicine taken for weeks at a time), so its days are dependent too."""
    x = np.empty(n, dtype=int)
    state = rng.randint(2)
    for t in range(n):
        if rng.uniform() < 1.0 / mean_run:
            state = 1 - state
        x[t] = state
    return x


newey_west = []
for n, phi, lag, pattern, effect in [
    (60, 0.0, 0, 'half', 0.0),
    (120, 0.6, 1, 'half', -1.0),
    (180, 0.6, 3, 'half', -0.5),
    (180, 0.8, 5, 'runs', 0.0),
    (365, 0.6, 4, 'runs', 1.5),
    (90, 0.3, 2, 'sparse', -2.0),
]:
    if pattern == 'half':
        x = np.zeros(n, dtype=int)
        x[rng.permutation(n)[: n // 2]] = 1
    elif pattern == 'runs':
        x = runs(n, 10)
    else:
        x = (rng.uniform(size=n) < 0.2).astype(int)
    y = np.round(5 + ar1(n, phi, 1.5) + effect * x, 2)
    fit = sm.OLS(y, sm.add_constant(x.astype(float))).fit(cov_type='HAC', cov_kwds={'maxlags': lag, 'use_correction': True})
    newey_west.append(
        {'lag': lag, 'x': x.tolist(), 'y': y.tolist(), 'difference': float(fit.params[1]), 'standardError': float(fit.bse[1])}
    )

student = [
    {'t': t, 'df': df, 'twoSidedP': float(2 * stats.t.sf(abs(t), df))}
    for t, df in [(0.0, 10), (1.0, 5), (2.0, 28), (2.5, 118), (3.1, 178), (4.5, 88), (-2.2, 40), (6.0, 200), (1.96, 1000)]
]
quantiles = [{'df': df, 't975': float(stats.t.ppf(0.975, df))} for df in [1, 2, 5, 12, 26, 28, 60, 118, 178, 363, 1826]]

bh = []
for p in [
    [0.01, 0.04, 0.03, 0.005, 0.2, 0.5],
    [0.0001, 0.0001, 0.02, 0.02, 0.9, 0.04, 0.07, 0.3],
    [0.5, 0.6, 0.7],
    rng.uniform(size=42).round(6).tolist(),
    (rng.uniform(size=20) ** 4).round(8).tolist(),
]:
    bh.append({'p': p, 'q': multipletests(p, method='fdr_bh')[1].tolist()})

print(
    json.dumps(
        {
            'madeBy': f'scripts/insight-reference.py with statsmodels {statsmodels.__version__}, SciPy {scipy.__version__}, NumPy {np.__version__}',
            'neweyWest': newey_west,
            'student': student,
            'quantiles': quantiles,
            'benjaminiHochberg': bh,
        },
        indent=1,
    )
)
