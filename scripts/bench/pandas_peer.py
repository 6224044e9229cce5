"""The peer of `npm run bench`: pandas + openpyxl reading the same roll and doing only exact duplicate IDs and the
GB 11643 check digit. Prints {"seconds", "duplicate_rows", "bad_checksums"} as JSON."""
import json
import sys
import time

import pandas as pd

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def check_ok(value):
    s = str(value).strip().upper()
    if len(s) != 18 or not s[:17].isdigit():
        return False
    return CHECK[sum(int(c) * w for c, w in zip(s[:17], WEIGHTS)) % 11] == s[17]


def main(path):
    t0 = time.perf_counter()
    # The roll sheet has a title row and a blank row above its header (row 3).
    df = pd.read_excel(path, sheet_name=0, header=2, dtype=str, engine="openpyxl")
    ids = df["公民身份号码"].dropna().str.strip().str.upper()
    duplicate_rows = int(ids.duplicated(keep=False).sum())
    bad = int((~ids.map(check_ok)).sum())
    print(json.dumps({"seconds": time.perf_counter() - t0, "duplicate_rows": duplicate_rows, "bad_checksums": bad}))


if __name__ == "__main__":
    main(sys.argv[1])
