#!/usr/bin/env python3
"""Points the official LlamaCloud Python SDK (llama-cloud 2.x) at a running `batchtop mock-server --scenario demo`
and checks that the mock's v2 Batches API parses and behaves as the SDK expects. Exits 1 on the first mismatch.

Usage: sdk-check.py --base-url http://127.0.0.1:PORT --api-key KEY
"""
import argparse
import sys
import time
from datetime import datetime, timedelta, timezone

import llama_cloud
from llama_cloud import LlamaCloud, APIStatusError

BATCH_STATUSES = {"PENDING", "RUNNING", "THROTTLED", "COMPLETED", "FAILED", "CANCELLED"}
JOB_STATUSES = {"PENDING", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"}
END = {"COMPLETED", "FAILED", "CANCELLED"}


class Mismatch(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Mismatch(message)


def strict(model):
    """Re-validates an SDK model strictly (the SDK itself builds models without validating)."""
    type(model).model_validate(model.model_dump(mode="json", exclude_unset=True))
    return model


def pages(first):
    """Every page of a cursor listing, following next_page_token by hand."""
    page = first
    while True:
        yield page
        if not page.has_next_page():
            return
        page = page.get_next_page()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--api-key", required=True)
    args = parser.parse_args()
    client = LlamaCloud(api_key=args.api_key, base_url=args.base_url, max_retries=0, timeout=10)
    print(f"llama-cloud {llama_cloud.__version__} against {args.base_url}")

    # 1. List batches two at a time; pages are disjoint, the last token is null, auto-paging agrees.
    ids, count = [], 0
    for page in pages(client.batches.list(page_size=2)):
        count += 1
        check(len(page.items) <= 2, f"page {count} has {len(page.items)} items with page_size=2")
        for batch in page.items:
            strict(batch)
            check(batch.id.startswith("bat-"), f"batch id {batch.id!r}")
            check(batch.source_directory_id.startswith("dir-"), f"directory id {batch.source_directory_id!r}")
            check(batch.status in BATCH_STATUSES, f"batch status {batch.status!r}")
            check(batch.config.job.type in ("parse_v2", "extract_v2"), f"job type {batch.config.job.type!r}")
            check(batch.results is None, f"{batch.id}: results present in a listing without expand")
            ids.append(batch.id)
    check(page.next_page_token is None, f"last page token {page.next_page_token!r}, expected null")
    check(len(ids) == len(set(ids)), f"pages overlap: {ids}")
    check(len(ids) >= 6, f"only {len(ids)} batches in the demo")
    auto = [b.id for b in client.batches.list(page_size=3)]
    check(auto == ids, "auto-paging with page_size=3 differs from manual paging with page_size=2")
    print(f"list: {len(ids)} batches in {count} pages of 2, last next_page_token null")

    running = [b for b in client.batches.list(status="RUNNING", page_size=100)]
    check(all(b.status == "RUNNING" for b in running), "status=RUNNING filter returned other statuses")
    since = datetime.now(timezone.utc) - timedelta(minutes=5)
    recent = [b for b in client.batches.list(created_at_on_or_after=since, page_size=100)]
    check(0 < len(recent) < len(ids), f"created_at_on_or_after={since.isoformat()} kept {len(recent)} of {len(ids)}")
    check(all(b.created_at >= since for b in recent), "created_at_on_or_after kept an older batch")
    print(f"filters: status=RUNNING gave {len(running)}, created in the last 5 minutes {len(recent)}")

    # 2. Get with and without expand=results.
    expanded, plain_batch = None, None
    for batch_id in ids:
        full = strict(client.batches.get(batch_id, expand=["results"]))
        if full.results:
            expanded = full
            break
    check(expanded is not None, "no batch has results with expand=['results']")
    plain_batch = strict(client.batches.get(expanded.id))
    check(plain_batch.results is None, f"{expanded.id}: results present without expand")
    for result in expanded.results:
        check(result.source_directory_file_id.startswith("dfl-"), f"file id {result.source_directory_file_id!r}")
        check((result.job_reference is None) != (result.error_message is None) or result.job_reference is not None,
              f"result without job and without error: {result}")
        if result.job_reference is not None:
            check(result.job_reference.type == expanded.config.job.type, "job_reference.type differs from config")
    print(f"get: {expanded.id} ({expanded.status}, {expanded.config.job.type}) has {len(expanded.results)} results "
          f"with expand, none without")
    try:
        client.batches.get("bat-does-not-exist")
        raise Mismatch("unknown batch did not answer 404")
    except APIStatusError as error:
        check(error.status_code == 404, f"unknown batch answered {error.status_code}")

    # 3. Bulk job fetch by job_ids, parse and extract, paged by 2.
    for job_type, resource in (("parse_v2", client.parsing), ("extract_v2", client.extract)):
        batch = None
        for batch_id in ids:
            candidate = client.batches.get(batch_id, expand=["results"])
            refs = [r.job_reference.id for r in candidate.results or [] if r.job_reference]
            if candidate.config.job.type == job_type and len(refs) >= 5:
                batch = candidate
                break
        check(batch is not None, f"no {job_type} batch with 5 jobs")
        asked = refs[:5]
        got = []
        for page in pages(resource.list(job_ids=asked, page_size=2)):
            check(len(page.items) <= 2, "job page larger than page_size=2")
            for job in page.items:
                strict(job)
                check(job.status in JOB_STATUSES | {"THROTTLED"}, f"job status {job.status!r}")
                got.append(job.id)
        check(sorted(got) == sorted(asked), f"{job_type}: asked {asked}, got {got}")
        if job_type == "parse_v2":
            single = client.parsing.get(asked[0])
            check(single.job.id == asked[0], "parse get did not return {job: …} with the asked id")
        else:
            single = client.extract.get(asked[0])
            check(single.id == asked[0] and single.file_input, "extract get did not return the asked job")
        print(f"{job_type}: job_ids fetch of {len(asked)} jobs in pages of 2 returned exactly them")

    # 4. Directory and its files, paged by 7.
    directory = strict(client.beta.directories.get(expanded.source_directory_id))
    check(directory.id == expanded.source_directory_id, "directory id differs")
    files = []
    for page in pages(client.beta.directories.files.list(expanded.source_directory_id, page_size=7)):
        check(len(page.items) <= 7, "file page larger than page_size=7")
        for item in page.items:
            strict(item)
            check(item.id.startswith("dfl-") and item.directory_id == directory.id, f"file {item.id!r}")
            files.append(item.id)
    check(len(files) == len(set(files)), "file pages overlap")
    mapped = {r.source_directory_file_id for r in expanded.results}
    check(mapped <= set(files), "batch results name files that the directory does not list")
    print(f"directory: {directory.name!r} lists {len(files)} files in pages of 7; every result's file is listed")

    # 5. Cancel a running batch: answers at once (not yet CANCELLED), turns CANCELLED within a few seconds.
    target = next((b for b in client.batches.list(page_size=100) if b.status in ("RUNNING", "PENDING")), None)
    check(target is not None, "no running batch to cancel")
    answer = strict(client.batches.cancel(target.id))
    check(answer.id == target.id and answer.status != "CANCELLED", f"cancel answered {answer.status}")
    deadline = time.time() + 6
    while client.batches.get(target.id).status != "CANCELLED":
        check(time.time() < deadline, f"{target.id} not CANCELLED 6 s after the cancel")
        time.sleep(0.25)
    print(f"cancel: {target.id} answered {answer.status}, then turned CANCELLED")
    try:
        client.batches.cancel(target.id)
        raise Mismatch("cancelling a cancelled batch succeeded")
    except APIStatusError as error:
        check(error.status_code == 409, f"second cancel answered {error.status_code}, expected 409")
        print(f"cancel again: {error.status_code} {error.body}")

    # 6. Wrong key.
    try:
        LlamaCloud(api_key="wrong", base_url=args.base_url, max_retries=0).batches.list()
        raise Mismatch("wrong key accepted")
    except APIStatusError as error:
        check(error.status_code == 401, f"wrong key answered {error.status_code}")
    print("SDK check passed")


if __name__ == "__main__":
    try:
        main()
    except Mismatch as mismatch:
        print(f"SDK check FAILED: {mismatch}", file=sys.stderr)
        sys.exit(1)
    except Exception as error:  # an SDK error is a mismatch too
        print(f"SDK check FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
