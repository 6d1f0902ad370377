"""What the attitude-cue table's values mean (``lexicons/attitude_verbs.csv``; its loader is
:func:`newslab.lexicons.attitude_cues`).

Each row says which stance a cue word expresses towards what follows it: ``support``, ``oppose``,
``report`` (a neutral speech or thought verb that passes the stance of the reported clause
through) or ``hedge`` (a tentative verb such as *consider*: the holder has not decided). A row
may need a particle or preposition (``call for`` supports, ``warn against`` opposes).
"""

from __future__ import annotations


#: Polarity values in the tables and their sign when cues are chained (report passes through).
POLARITY_SIGN = {"support": 1, "oppose": -1, "report": 0, "hedge": 0}
#: Cue classes that name material acts rather than attitudes or speech: CAMEO's material
#: cooperation (06-07: aid, provide), coerce (17) and assault (18) versus its verbal classes
#: (01-05 statements, consultation, cooperation talk; 10-14 demand, disapprove, reject, threaten,
#: protest). Inside someone else's words an act is what the speaker says about the actor
#: ("X said Russia could help" is X's suggestion), not the actor's own position.
ACTION_CLASSES = frozenset({"help", "assault", "coerce"})
