"""The main job: extract to every council's output in one run."""

import dagster as dg

# In one process: every asset opens the same DuckDB file, which allows one writing process.
doorstroommonitor = dg.define_asset_job(
    name="doorstroommonitor",
    selection=dg.AssetSelection.all(),
    executor_def=dg.in_process_executor,
    description="Laadt het extract, valideert het, berekent de doorstroom en publiceert per raad.",
)
