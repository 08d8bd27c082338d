"""What oversight plugs into the others: a record of a day counted in advance, saved again,
makes that day counted live until the beat counts it anew (`summaries`)."""

from django.db.models.signals import pre_save

from bangkok.hooks import Receiver

from . import summaries

PLUGS = (
    Receiver(
        signal=pre_save, receiver=summaries.changing, dispatch_uid="oversight.summaries.changing"
    ),
)
