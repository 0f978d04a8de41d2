"""Unit tests of the retry policy and the rate budget, with a frozen clock and a recording sleeper."""

from __future__ import annotations

import asyncio
import random

from possync.errors import FatalError, RequestInfo, RetryableError, SkippableError
from possync.http import ApiClient, BudgetPool, ClientSettings, RateBudget, RetryPolicy
from possync.http.testing import FrozenClock, RecordingSleeper

REQ = RequestInfo("POST", "https://shop.example/wp-json/wc/v3/products", "woo")


def test_backoff_is_exponential_capped_and_jittered() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=8.0, rng=random.Random(7))
    delays = [policy.backoff(n) for n in range(1, 8)]
    for attempt, delay in enumerate(delays, start=1):
        ceiling = min(8.0, 2 ** (attempt - 1))
        assert ceiling / 2 <= delay <= ceiling
    assert max(delays) <= 8.0
    assert len(set(delays)) == len(delays)


def test_server_hint_wins_over_backoff_and_is_bounded() -> None:
    policy = RetryPolicy(base_delay=1.0, max_hint=120.0)
    assert policy.delay(RetryableError("slow down", status=429, retry_after=7.0), 1) == 7.0
    assert policy.delay(RetryableError("slow down", status=429, retry_after=99999.0), 1) == 120.0


def test_attempt_cap_and_error_kinds() -> None:
    policy = RetryPolicy(max_attempts=3)
    retryable = RetryableError("busy", status=503, request=REQ)
    assert policy.should_retry(retryable, 1, idempotent=True)
    assert policy.should_retry(retryable, 2, idempotent=True)
    assert not policy.should_retry(retryable, 3, idempotent=True)
    assert not policy.should_retry(FatalError("no", status=401), 1, idempotent=True)
    assert not policy.should_retry(SkippableError("dup", status=400), 1, idempotent=True)


def test_a_create_is_only_repeated_when_the_server_did_nothing() -> None:
    policy = RetryPolicy()
    assert policy.should_retry(RetryableError("rate", status=429), 1, idempotent=False)
    assert policy.should_retry(RetryableError("unavailable", status=503), 1, idempotent=False)
    assert not policy.should_retry(RetryableError("gateway", status=502), 1, idempotent=False)
    assert not policy.should_retry(RetryableError("lost", maybe_applied=True), 1, idempotent=False)
    assert policy.should_retry(RetryableError("refused", maybe_applied=False), 1, idempotent=False)


async def test_budget_keeps_headroom_and_waits_for_reset(
    clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    budget = RateBudget(headroom=0.2, clock=clock, sleep=sleeper)
    budget.update({"X-Rate-Limit-Limit": "10", "X-Rate-Limit-Remaining": "3", "X-Rate-Limit-Reset": "30"})
    await budget.acquire()  # 3 left > 2 reserved
    budget.settle(None)
    assert sleeper.calls == []
    assert budget.remaining == 2
    await budget.acquire()  # only the headroom is left: wait for the reset
    assert sleeper.calls == [30.0]
    assert budget.remaining == 9


async def test_429_empties_the_budget_until_retry_after(
    clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    budget = RateBudget(clock=clock, sleep=sleeper)
    await budget.acquire()
    assert sleeper.calls == []
    budget.settle({})  # the 429's answer, then
    budget.exhaust(5.0)
    assert budget.wait_time() == 5.0
    await budget.acquire()
    budget.settle({})
    assert sleeper.calls == [5.0]
    await budget.acquire()  # unknown limit again after the reset: no further wait
    assert sleeper.calls == [5.0]


async def test_until_the_first_answer_one_request_at_a_time_goes_out(
    clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    budget = RateBudget(clock=clock, sleep=sleeper)
    await budget.acquire()
    second = asyncio.create_task(budget.acquire())
    await asyncio.sleep(0)
    assert not second.done()  # nothing known yet: it waits for the first answer
    budget.settle({"X-Rate-Limit-Limit": "10", "X-Rate-Limit-Remaining": "9", "X-Rate-Limit-Reset": "60"})
    await second
    await budget.acquire()  # the budget is known now: requests go out together
    assert (budget.in_flight, budget.remaining, sleeper.calls) == (2, 7, [])


async def test_a_spent_budget_waits_for_the_answers_still_out_before_trusting_a_reset(
    clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    budget = RateBudget(headroom=0.1, clock=clock, sleep=sleeper)
    budget.update({"X-Rate-Limit-Limit": "10", "X-Rate-Limit-Remaining": "3", "X-Rate-Limit-Reset": "2"})
    await budget.acquire()
    await budget.acquire()
    waiting = asyncio.create_task(budget.acquire())
    await asyncio.sleep(0)
    assert not waiting.done()  # the reset of 2 s is older than the two requests out
    assert sleeper.calls == []
    budget.settle({"X-Rate-Limit-Limit": "10", "X-Rate-Limit-Remaining": "2", "X-Rate-Limit-Reset": "4"})
    budget.settle({"X-Rate-Limit-Limit": "10", "X-Rate-Limit-Remaining": "1", "X-Rate-Limit-Reset": "6"})
    await waiting
    assert sleeper.calls == [6.0]  # the freshest answer's reset


async def test_reset_given_as_epoch_time(clock: FrozenClock, sleeper: RecordingSleeper) -> None:
    budget = RateBudget(clock=clock, wall=lambda: 1_700_000_000.0, sleep=sleeper)
    budget.update({"RateLimit-Limit": "100", "RateLimit-Remaining": "0", "RateLimit-Reset": "1700000012"})
    assert budget.wait_time() == 12.0


def test_classification_of_statuses_and_remote_codes() -> None:
    from possync.http import error_for

    get = RequestInfo("GET", "https://s/wp-json/wc/v3/products", "woo")
    post = RequestInfo("POST", "https://s/wp-json/wc/v3/products", "woo")
    cases = [
        (429, None, get, RetryableError),
        (503, None, post, RetryableError),
        (500, "internal_server_error", post, RetryableError),
        (500, "woocommerce_rest_cannot_create_order_refund", post, SkippableError),
        (500, "500", post, RetryableError),  # Sitoo: statuscode 500
        (401, "woocommerce_rest_cannot_view", get, FatalError),
        (413, "woocommerce_rest_request_entity_too_large", post, FatalError),
        (400, "product_invalid_sku", post, SkippableError),
        (400, "rest_invalid_param", get, FatalError),
        (404, "woocommerce_rest_product_invalid_id", get, SkippableError),
        (404, "rest_no_route", get, FatalError),
    ]
    for status, code, request, expected in cases:
        error = error_for(status, request, code=code, message="m")
        assert type(error) is expected, (status, code)
        assert error.code == code
        assert error.request == request


async def test_budget_with_remaining_but_no_reset_pauses_instead_of_eating_the_headroom(
    clock: FrozenClock, sleeper: RecordingSleeper
) -> None:
    budget = RateBudget(headroom=0.1, default_pause=2.0, clock=clock, sleep=sleeper)
    budget.update({"x-ratelimit-limit": "20", "x-ratelimit-remaining": "2"})
    await budget.acquire()
    assert sleeper.calls == [2.0]
    assert budget.remaining == 19


async def test_open_clients_of_one_rate_scope_share_one_budget() -> None:
    pool = BudgetPool()

    def client(url: str, scope: str | None = None) -> ApiClient:
        return ApiClient(ClientSettings(name="c", base_url=url, rate_scope=scope), budgets=pool)

    shop = client("https://Shop.example/wp-json/")
    same_host = client("https://shop.example/other/")
    other_port = client("https://shop.example:8443/")
    account_1, account_2 = "https://pos.example/v2/accounts/1", "https://pos.example/v2/accounts/2"
    site_1 = client(f"{account_1}/sites/1/", account_1)
    site_2 = client(f"{account_1}/sites/2/", account_1)
    other_account = client(f"{account_2}/sites/1/", account_2)
    assert shop.budget is same_host.budget
    assert shop.budget is not other_port.budget
    assert site_1.budget is site_2.budget
    assert site_1.budget is not other_account.budget
    for each in (shop, same_host, other_port, site_1, site_2, other_account):
        await each.aclose()
    assert len(pool) == 0  # the last client of a scope to close drops its budget


async def test_clients_share_the_process_pool_unless_told_otherwise() -> None:
    settings = ClientSettings(name="c", base_url="https://pool.example/")
    async with ApiClient(settings) as first, ApiClient(settings) as second:
        assert first.budget is second.budget
        async with ApiClient(settings, budgets=None) as alone:
            assert alone.budget is not first.budget
