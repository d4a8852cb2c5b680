"""HTML forms of services on a case, one module per sub-domain. They map into the same service
inputs as the API; the rules stay in the services. Date-times are read in the case area's zone
(the views activate it)."""
