"""Resources of the code location; kept apart from the assets because a module with a
`@dg.definitions` function contributes nothing else to the defs folder."""

import dagster as dg

from pipelines.resources import DoorstroomResource


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"doorstroom": DoorstroomResource.uit_omgeving()})
