/** The `loadbalancer-bare-metal` scenario's manifests: multi-document YAML, read by `parseManifests` as a user's file. */
export default `# LoadBalancer on bare metal: nothing hands out an external address, so it stays <pending>.
# The nodePort it was given still works from the LAN.
apiVersion: explainer.dev/v1alpha1
kind: ClusterSettings
metadata:
  name: cluster
spec:
  provider: bare-metal
  nodeSubnet: 192.168.10.0/24
  nodesPublic: false
  clients:
    - name: laptop
      location: lan
---
apiVersion: v1
kind: Node
metadata:
  name: worker-1
  labels:
    kubernetes.io/hostname: worker-1
---
apiVersion: v1
kind: Node
metadata:
  name: worker-2
  labels:
    kubernetes.io/hostname: worker-2
---
apiVersion: v1
kind: Node
metadata:
  name: worker-3
  labels:
    kubernetes.io/hostname: worker-3
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: web-6f9d7b5c48-p2w5n
  namespace: default
  labels:
    app: web
    pod-template-hash: 6f9d7b5c48
spec:
  nodeName: worker-1
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: web-6f9d7b5c48-t7h4c
  namespace: default
  labels:
    app: web
    pod-template-hash: 6f9d7b5c48
spec:
  nodeName: worker-2
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Pod
metadata:
  name: web-6f9d7b5c48-x5b8r
  namespace: default
  labels:
    app: web
    pod-template-hash: 6f9d7b5c48
spec:
  nodeName: worker-3
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: http
          containerPort: 8080
          protocol: TCP
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
  labels:
    app: web
spec:
  type: LoadBalancer
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
      nodePort: 31380
      protocol: TCP
`;
