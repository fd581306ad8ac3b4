"""The markers that keep `make test-rapide` quick: a test running the editors' command `ssp` in a process of its
own is `command`, also when it does so through a helper of another test module; a test of the core alone is not."""

from __future__ import annotations

import conftest
import test_hostile_round2
import test_poster_fit


def test_a_test_running_ssp_through_another_test_modules_helper_is_a_command():
    test = test_hostile_round2.test_a_direction_override_element_is_refused  # calls test_hostile.verify, which runs `ssp`
    assert conftest.runs_a_process(test, test_hostile_round2)


def test_a_test_of_the_core_alone_is_not():
    assert not conftest.runs_a_process(test_poster_fit.test_a_title_is_counted_in_the_lines_chromium_wraps_it_in, test_poster_fit)
