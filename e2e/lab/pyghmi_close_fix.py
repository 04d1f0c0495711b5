"""Shared by the pyghmi test BMCs: free a session's slot on Close Session.

pyghmi 1.5 leaves a closed session registered under the client's address and port, so a later session
from the same UDP port (a client that keeps one socket for many sessions, as BMC Desk does) would be fed
to the dead one and never answered. A real BMC frees the slot on Close Session; importing this module
makes pyghmi's server sessions do the same.
"""
import pyghmi.ipmi.private.serversession as serversession
import pyghmi.ipmi.private.session as ipmisession


def forget_closed_session(self):
    handlers = ipmisession.Session.bmc_handlers.get(self.sockaddr)
    if handlers is not None and handlers.get(self.bmc.port) is self:
        del handlers[self.bmc.port]
        if not handlers:
            del ipmisession.Session.bmc_handlers[self.sockaddr]


serversession.ServerSession.close_server_session = forget_closed_session
