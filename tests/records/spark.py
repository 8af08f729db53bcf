"""Runs a Spark SQL script of pmf's counting rules (generated/records/spark.sql) over record
files in Spark's local mode, and prints the last statement's rows tab-separated.

    python3 tests/records/spark.py SCRIPT NAME=FILE.csv ...

Used by tests/suite/records_agree.rs and compiler/benches/compute.sh. Spark SQL runs one
statement at a time: the script is split at semicolons outside quotes and comments."""
import sys
from pyspark.sql import SparkSession
sql_path, tables = sys.argv[1], sys.argv[2:]
spark = (SparkSession.builder.master("local[2]").appName("pmf-records")
         .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
         .config("spark.sql.shuffle.partitions", "4").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
for t in tables:
    name, path = t.split("=", 1)
    spark.read.csv(path, header=True).createOrReplaceTempView(name)
text = open(sql_path, encoding="utf-8").read()
stmts, cur, quote, i = [], [], False, 0
while i < len(text):
    ch = text[i]
    if not quote and text.startswith("--", i):
        j = text.find("\n", i)
        i = len(text) if j < 0 else j
        continue
    if ch == "'":
        quote = not quote
    if ch == ";" and not quote:
        stmts.append("".join(cur)); cur = []
    else:
        cur.append(ch)
    i += 1
stmts.append("".join(cur))
df = None
for s in stmts:
    if s.strip():
        df = spark.sql(s)
for r in df.collect():
    print("\t".join("" if v is None else str(v) for v in r))
spark.stop()
