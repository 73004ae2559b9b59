import cProfile, os, runpy, time, itertools
import streamlit as st
os.makedirs("/tmp/prof/runs", exist_ok=True)
if __name__ == "__main__":
    pr = cProfile.Profile(); pr.enable()
    try:
        runpy.run_path("app.py", run_name="__main__")
    finally:
        pr.disable(); pr.dump_stats(f"/tmp/prof/runs/{time.time_ns()}.prof")
